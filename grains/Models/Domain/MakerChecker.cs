namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Two staff promote a version: the first call (maker) asks, a second call for the same version by a different subject
/// (checker) approves. The maker repeating the call is refused; a request for another version replaces the pending one.
/// </summary>
public static class MakerChecker
{
    public static PromotionStep Next(string? pendingVersion, string? pendingBy, string version, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (pendingVersion != version)
        {
            return PromotionStep.Request;
        }

        return string.Equals(pendingBy, by, StringComparison.Ordinal) ? PromotionStep.SameSubject : PromotionStep.Approve;
    }
}

public enum PromotionStep
{
    /// <summary>Record the request and wait for a second member of staff.</summary>
    Request = 0,

    /// <summary>The maker tried to approve their own request: refused.</summary>
    SameSubject = 1,

    /// <summary>A different subject approved: promote.</summary>
    Approve = 2,
}
