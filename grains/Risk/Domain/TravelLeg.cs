namespace Orleans.Fin.Risk.Domain;

/// <summary>A journey between two sightings of a customer: how far, in how long, and the speed that needed.</summary>
public sealed record TravelLeg(double DistanceKm, double Hours, double SpeedKmh);
