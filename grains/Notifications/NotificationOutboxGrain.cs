using Orleans.Fin.Common;

namespace Orleans.Fin.Notifications;

/// <summary>A customer's outbox: the newest messages, bounded; messages older than a day are dropped.</summary>
public sealed class NotificationOutboxGrain(
    [PersistentState("outbox", FinNames.Storage)] IPersistentState<OutboxState> state,
    TimeProvider clock) : Grain, INotificationOutboxGrain
{
    public const int Capacity = 20;
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public const int CurrentSchema = 2;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Schema 1 kept one-time codes in the message body: withhold them in what is already stored.
        if (state.State.SchemaVersion < CurrentSchema)
        {
            foreach (var entry in state.State.Messages.Where(m => NotificationPurposes.CarriesCode(m.Purpose)))
            {
                entry.Body = OutboxNotifier.CodeWithheld(entry.Body);
            }

            state.State.SchemaVersion = CurrentSchema;
            if (state.RecordExists)
            {
                await state.WriteStateAsync(cancellationToken);
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task Append(OutboxMessage message)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        var messages = state.State.Messages;
        messages.RemoveAll(m => m.CreatedAt < cutoff);
        messages.Add(OutboxEntry.From(message));
        if (messages.Count > Capacity)
        {
            messages.RemoveRange(0, messages.Count - Capacity);
        }

        await state.WriteStateAsync();
    }

    public Task<OutboxMessage?> GetLatest(string purpose) =>
        Task.FromResult(state.State.Messages.LastOrDefault(m => m.Purpose == purpose)?.ToMessage());
}

public sealed class OutboxState
{
    /// <summary>Stored schema-1 state says 1; new state starts at the current schema.</summary>
    public int SchemaVersion { get; set; } = NotificationOutboxGrain.CurrentSchema;
    public List<OutboxEntry> Messages { get; set; } = [];
}

public sealed class OutboxEntry
{
    public string CustomerId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string MaskedRecipient { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public static OutboxEntry From(OutboxMessage m) => new()
    {
        CustomerId = m.CustomerId,
        Channel = m.Channel,
        MaskedRecipient = m.MaskedRecipient,
        Purpose = m.Purpose,
        Reference = m.Reference,
        Body = m.Body,
        CreatedAt = m.CreatedAt,
        ExpiresAt = m.ExpiresAt,
    };

    public OutboxMessage ToMessage() => new(CustomerId, Channel, MaskedRecipient, Purpose, Reference, Body, CreatedAt, ExpiresAt);
}
