using System.Text;

namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, optionally quoted; a quote inside a quoted field is doubled;
/// quoted fields may hold commas and line breaks; LF or CRLF line ends. An empty field (quoted or not) is missing
/// (<c>null</c>); fields are trimmed. Blank lines are skipped.
/// </summary>
public static class CreditCsv
{
    public static CsvTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = ReadRecords(reader).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("The CSV has no header.");
        }

        var header = records[0].Fields.Select((name, i) => name ?? $"Column{i + 1}").ToList();
        var rows = records.Skip(1).ToList();
        return new CsvTable(header, rows);
    }

    public static CsvTable Parse(string text) => Parse(new StringReader(text));

    private static IEnumerable<CsvRow> ReadRecords(TextReader reader)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(Finish(field));
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Finish(field));
                    if (!IsBlank(fields))
                    {
                        yield return new CsvRow(recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Unterminated quoted field starting on line {recordLine}.");
        }

        fields.Add(Finish(field));
        if (!IsBlank(fields))
        {
            yield return new CsvRow(recordLine, fields.ToArray());
        }
    }

    private static string? Finish(StringBuilder field)
    {
        var value = field.ToString().Trim();
        field.Clear();
        return value.Length == 0 ? null : value;
    }

    private static bool IsBlank(List<string?> fields) => fields.Count == 1 && fields[0] is null;
}
