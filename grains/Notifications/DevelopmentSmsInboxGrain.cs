namespace Orleans.Fin.Notifications;

/// <summary>Keeps the last few delivered messages in memory only; they vanish with the activation.</summary>
public sealed class DevelopmentSmsInboxGrain : Grain, IDevelopmentSmsInboxGrain
{
    public const int Capacity = 5;

    private readonly List<OutboxMessage> _messages = [];

    public Task Deliver(OutboxMessage message)
    {
        _messages.Add(message);
        if (_messages.Count > Capacity)
        {
            _messages.RemoveAt(0);
        }

        return Task.CompletedTask;
    }

    public Task<OutboxMessage?> GetLatestCode() =>
        Task.FromResult(_messages.LastOrDefault(m => NotificationPurposes.CarriesCode(m.Purpose)));
}
