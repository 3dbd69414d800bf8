namespace Orleans.Fin.Loans.Domain;

/// <summary>
/// Equal-instalment (annuity) schedules. Every instalment but the last is the same amount, rounded to the cent;
/// interest is the outstanding principal times the monthly rate, rounded to the cent; the last instalment takes
/// whatever principal is left, so the principal parts always sum to the loan exactly.
/// </summary>
public static class AnnuitySchedule
{
    public static IReadOnlyList<Instalment> Build(decimal principal, decimal annualRate, int termMonths, DateOnly firstDueDate)
    {
        if (principal <= 0 || decimal.Round(principal, 2) != principal)
        {
            throw new ArgumentOutOfRangeException(nameof(principal), "The principal must be positive, in cents.");
        }

        if (termMonths is < 1 or > 360)
        {
            throw new ArgumentOutOfRangeException(nameof(termMonths), "The term must be 1 to 360 months.");
        }

        if (annualRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRate), "The annual rate is a fraction in [0, 1).");
        }

        var monthly = annualRate / 12m;
        var payment = Payment(principal, monthly, termMonths);
        var schedule = new List<Instalment>(termMonths);
        var outstanding = principal;
        for (var n = 1; n <= termMonths; n++)
        {
            var interest = decimal.Round(outstanding * monthly, 2, MidpointRounding.AwayFromZero);
            var principalPart = n == termMonths ? outstanding : Math.Min(outstanding, Math.Max(0m, payment - interest));
            schedule.Add(new Instalment(n, firstDueDate.AddMonths(n - 1), principalPart, interest));
            outstanding -= principalPart;
        }

        return schedule;
    }

    /// <summary>The level payment P·r / (1 − (1 + r)^−n), rounded to the cent (P / n when the rate is zero).</summary>
    public static decimal Payment(decimal principal, decimal monthlyRate, int termMonths)
    {
        if (monthlyRate == 0)
        {
            return decimal.Round(principal / termMonths, 2, MidpointRounding.AwayFromZero);
        }

        var growth = 1m;
        for (var i = 0; i < termMonths; i++)
        {
            growth *= 1m + monthlyRate;
        }

        return decimal.Round(principal * monthlyRate * growth / (growth - 1m), 2, MidpointRounding.AwayFromZero);
    }
}
