namespace Orleans.Fin.Risk.Model;

/// <summary>A journey away from home and back; in transit between the departure and arrival times.</summary>
internal sealed record SimulatedTrip(string Destination, DateTimeOffset Depart, DateTimeOffset Arrive, DateTimeOffset ReturnDepart, DateTimeOffset ReturnArrive);
