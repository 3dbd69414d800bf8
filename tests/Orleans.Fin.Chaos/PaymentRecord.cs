namespace Orleans.Fin.Chaos;

/// <summary>
/// One payment of the run, identified by its Idempotency-Key: the exact body sent, who pays whom,
/// and every answer any attempt with that key received (duplicates and later retries included).
/// </summary>
public sealed class PaymentRecord(string key, string body, ChaosCustomer payer, ChaosAccount from, ChaosAccount to, decimal amount)
{
    private readonly List<Answer> _answers = [];

    public string Key => key;

    public string Body => body;

    public ChaosCustomer Payer => payer;

    public ChaosAccount From => from;

    public ChaosAccount To => to;

    public decimal Amount => amount;

    public bool CrossCurrency => from.Currency != to.Currency;

    public IReadOnlyList<Answer> Answers
    {
        get
        {
            lock (_answers)
            {
                return [.. _answers];
            }
        }
    }

    /// <summary>The first 201 any attempt received, or null while every answer was lost or refused.</summary>
    public Answer? Acknowledged => Answers.FirstOrDefault(a => a.IsCreated);

    public void Add(Answer answer)
    {
        lock (_answers)
        {
            _answers.Add(answer);
        }
    }
}
