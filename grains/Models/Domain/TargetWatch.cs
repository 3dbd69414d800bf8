namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Watches a champion's live metric against its target. The first evaluation below target starts the miss; one at or
/// above target ends it; no evidence (null) changes nothing. A miss that has lasted the <c>window</c> raises an alert
/// that says by when the model must be adjusted: the first miss plus <c>adjustWithin</c> (the plan's two weeks).
/// </summary>
public static class TargetWatch
{
    public static TargetCheck Check(double? value, double target, DateTimeOffset? missingSince, DateTimeOffset now, TimeSpan window, TimeSpan adjustWithin)
    {
        if (value is not { } v)
        {
            return new TargetCheck(missingSince, null);
        }

        if (v >= target)
        {
            return new TargetCheck(null, null);
        }

        var since = missingSince ?? now;
        var alert = now - since >= window ? new TargetMiss(v, target, since, since + adjustWithin) : null;
        return new TargetCheck(since, alert);
    }
}

/// <summary>When the current miss started (null when on target) and the alert, once the miss has lasted the window.</summary>
public sealed record TargetCheck(DateTimeOffset? MissingSince, TargetMiss? Alert);

public sealed record TargetMiss(double Value, double Target, DateTimeOffset MissingSince, DateTimeOffset AdjustBy);
