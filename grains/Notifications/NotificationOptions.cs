namespace Orleans.Fin.Notifications;

/// <summary>How messages reach customers (section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// Hands one-time codes to the memory-only Development inbox (there is no SMS gateway there). Off by default: then a
    /// code leaves the process only through a gateway, and nothing keeps it.
    /// </summary>
    public bool DevelopmentInbox { get; set; }
}
