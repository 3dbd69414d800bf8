using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// One simulated event as the stream would carry it. An outgoing payment also has the <see cref="Candidate"/> the
/// inline pre-authorisation would have scored, and its label; a redelivered copy has no candidate.
/// <paramref name="CodeAnswered"/>: whoever makes the payment can answer a one-time code sent to the bound phone (the
/// customer can; a fraudster only with the phone or a swapped SIM).
/// </summary>
public sealed record SimulatedEvent(CustomerActivity Activity, PaymentCandidate? Candidate, bool IsFraud, string Pattern, bool CodeAnswered = true);
