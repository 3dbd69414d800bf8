namespace Orleans.Fin.Risk.Domain;

/// <summary>A point on the globe in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
