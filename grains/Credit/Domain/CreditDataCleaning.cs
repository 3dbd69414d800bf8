using System.Globalization;

namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Turns the raw CSV into training records. The rules, column by column:
/// <list type="bullet">
/// <item><c>Status</c> must be good or bad, <c>Records</c> yes or no; <c>Seniority</c> (0..60), <c>Time</c> (1..120),
/// <c>Age</c> (18..100) must be whole numbers in range and <c>Expenses</c> (≥ 0), <c>Amount</c>, <c>Price</c> (> 0)
/// numbers in range below the sentinel; otherwise the record is invalid and dropped.</item>
/// <item><c>Income</c>, <c>Assets</c>, <c>Debt</c>: the source's sentinel codes (≥ 99999999), negative or
/// unparseable values become missing; missing values stay missing here and are imputed later with the training
/// fold's medians plus a missing-indicator feature (<see cref="CreditImputation"/>).</item>
/// <item><c>Home</c>, <c>Marital</c>, <c>Job</c>: missing or unrecognised values become the category
/// "unknown".</item>
/// <item>A row whose field count differs from the header's is malformed and invalid.</item>
/// </list>
/// </summary>
public static class CreditDataCleaning
{
    /// <summary>The source codes "not known" as 99999999 in the amount columns.</summary>
    public const decimal SentinelThreshold = 99_999_999m;

    public static readonly IReadOnlyList<string> Columns =
    [
        "Status", "Seniority", "Home", "Time", "Age", "Marital", "Records", "Job",
        "Expenses", "Income", "Assets", "Debt", "Amount", "Price",
    ];

    public static CreditCleaningResult Clean(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = Columns.ToDictionary(c => c, c => table.IndexOf(c), StringComparer.Ordinal);
        var absent = index.Where(kv => kv.Value < 0).Select(kv => kv.Key).ToList();
        if (absent.Count > 0)
        {
            throw new FormatException($"The CSV lacks the columns {string.Join(", ", absent)}.");
        }

        var tally = new Tally();
        var records = new List<CreditRecord>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (row.Fields.Count != table.Header.Count)
            {
                tally.Malformed++;
                tally.Invalid("malformed");
                continue;
            }

            var cells = new RowReader(row, index, tally);
            var record = cells.Read();
            if (record is not null)
            {
                records.Add(record);
                if (cells.Complete)
                {
                    tally.Complete++;
                }
            }
        }

        var report = new CreditDataQualityReport(
            table.Rows.Count,
            records.Count,
            tally.Complete,
            records.Count(r => r.Defaulted),
            tally.Malformed,
            Freeze(tally.Missing),
            Freeze(tally.OutOfRange),
            Freeze(tally.Sentinels),
            Freeze(tally.UnknownCategories),
            Freeze(tally.InvalidReasons));
        return new CreditCleaningResult(records, report);
    }

    private static Dictionary<string, int> Freeze(Dictionary<string, int> counts) =>
        Columns.Concat(counts.Keys.Except(Columns)).Where(counts.ContainsKey)
            .ToDictionary(c => c, c => counts[c], StringComparer.Ordinal);

    private sealed class Tally
    {
        public int Complete;
        public int Malformed;
        public readonly Dictionary<string, int> Missing = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> OutOfRange = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Sentinels = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> UnknownCategories = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> InvalidReasons = new(StringComparer.Ordinal);

        public void Invalid(string reason) => Add(InvalidReasons, reason);

        public static void Add(Dictionary<string, int> counts, string column) =>
            counts[column] = counts.GetValueOrDefault(column) + 1;
    }

    /// <summary>Reads one row; records every finding in the tally; null when the row is invalid.</summary>
    private sealed class RowReader(CsvRow row, Dictionary<string, int> index, Tally tally)
    {
        private string? _invalidBecause;

        public bool Complete { get; private set; } = true;

        public CreditRecord? Read()
        {
            var status = Choice("Status", "bad", "good");
            var seniority = Whole("Seniority", 0, 60);
            var home = Category("Home", CreditCategories.Home);
            var time = Whole("Time", 1, 120);
            var age = Whole("Age", 18, 100);
            var marital = Category("Marital", CreditCategories.MaritalStatus);
            var records = Choice("Records", "yes", "no");
            var job = Category("Job", CreditCategories.Job);
            var expenses = Required("Expenses", 0m);
            var income = Optional("Income");
            var assets = Optional("Assets");
            var debt = Optional("Debt");
            var amount = Required("Amount", 0.01m);
            var price = Required("Price", 0.01m);
            if (_invalidBecause is not null)
            {
                tally.Invalid(_invalidBecause);
                return null;
            }

            var application = new CreditApplication(
                seniority!.Value, home, time!.Value, age!.Value, marital, records!.Value, job,
                expenses!.Value, income, assets, debt, amount!.Value, price!.Value);
            return new CreditRecord(application, status!.Value);
        }

        private string? Raw(string column)
        {
            var value = row[index[column]];
            if (value is null)
            {
                Tally.Add(tally.Missing, column);
                Complete = false;
            }

            return value;
        }

        private void Reject(string column) => _invalidBecause ??= column;

        private void OutOfRange(string column, decimal? value)
        {
            Tally.Add(tally.OutOfRange, column);
            if (value >= SentinelThreshold)
            {
                Tally.Add(tally.Sentinels, column);
            }

            Complete = false;
        }

        /// <summary>A yes/no style column: true for <paramref name="yes"/>, false for <paramref name="no"/>.</summary>
        private bool? Choice(string column, string yes, string no)
        {
            var raw = Raw(column);
            if (string.Equals(raw, yes, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(raw, no, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (raw is not null)
            {
                OutOfRange(column, null);
            }

            Reject(column);
            return null;
        }

        private string? Category(string column, IReadOnlyList<string> known)
        {
            var raw = Raw(column);
            if (raw is null)
            {
                return null;
            }

            if (!CreditCategories.IsKnown(raw, known))
            {
                Tally.Add(tally.UnknownCategories, column);
                Complete = false;
                return null;
            }

            return raw.ToLowerInvariant();
        }

        private int? Whole(string column, int min, int max)
        {
            var value = Required(column, min);
            if (value is null)
            {
                return null;
            }

            if (value > max || value != decimal.Truncate(value.Value))
            {
                OutOfRange(column, value);
                Reject(column);
                return null;
            }

            return (int)value.Value;
        }

        private decimal? Required(string column, decimal min)
        {
            var raw = Raw(column);
            if (raw is null)
            {
                Reject(column);
                return null;
            }

            var value = Number(raw);
            if (value is null || value < min || value >= SentinelThreshold)
            {
                OutOfRange(column, value);
                Reject(column);
                return null;
            }

            return value;
        }

        private decimal? Optional(string column)
        {
            var raw = Raw(column);
            if (raw is null)
            {
                return null;
            }

            var value = Number(raw);
            if (value is null || value < 0 || value >= SentinelThreshold)
            {
                OutOfRange(column, value);
                return null;
            }

            return value;
        }

        private static decimal? Number(string raw) =>
            decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
