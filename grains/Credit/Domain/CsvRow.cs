namespace Orleans.Fin.Credit.Domain;

/// <summary>One data row of a CSV file with its 1-based line number; an empty field is <c>null</c>.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string?> Fields)
{
    public string? this[int index] => index >= 0 && index < Fields.Count ? Fields[index] : null;
}
