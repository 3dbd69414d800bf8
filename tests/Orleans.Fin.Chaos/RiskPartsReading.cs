using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>
/// The risk states in parts as PostgreSQL holds them (deploy/sql/040-risk-parts.sql): states that refer to a cold part,
/// part rows stored, states whose part is missing (<see cref="DanglingStates"/> names some), parts nobody refers to, and
/// states whose payload cannot be read (the sweep cannot tell what they refer to).
/// </summary>
public sealed record RiskPartsReading(long StatesInParts, long Parts, long Dangling, long Orphaned, long Unreadable, IReadOnlyList<string> DanglingStates)
{
    /// <summary>
    /// What fails the run: a dangling state (its grain cannot activate), a state that cannot be read (nor can its grain),
    /// or no state in parts (nothing was tested).
    /// </summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = DanglingStates.Select(s => "risk state in parts without its cold part: " + s).ToList();
        if (Dangling > DanglingStates.Count)
        {
            failures.Add($"... and {Dangling - DanglingStates.Count} more risk states without their cold part");
        }

        if (Unreadable > 0)
        {
            failures.Add($"{Unreadable} risk states whose stored payload cannot be read (fin_risk_parts_unreadable names them)");
        }

        if (StatesInParts == 0)
        {
            failures.Add("no risk state went into parts: the run did not exercise the parts protocol (RiskControl__WindowsInPartsFrom too high for the load?)");
        }

        return failures;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"risk parts: {StatesInParts} states in parts, {Parts} parts stored, {Dangling} dangling, {Orphaned} orphaned (part rows no state refers to), {Unreadable} unreadable");
}
