namespace Orleans.Fin.Common;

/// <summary>
/// A time as its ticks and its offset in minutes, for values that keep it in 10 bytes instead of a 16-byte
/// <see cref="DateTimeOffset"/> (whose 2-byte offset is padded to 8). Offsets are whole minutes within ±14 hours.
/// </summary>
public static class TimeParts
{
    public static (long Ticks, short OffsetMinutes) Split(DateTimeOffset at) => (at.Ticks, (short)at.Offset.TotalMinutes);

    public static DateTimeOffset Join(long ticks, short offsetMinutes) => new(ticks, TimeSpan.FromMinutes(offsetMinutes));

    /// <summary>The instant's UTC ticks: what <see cref="Join"/>(…).UtcTicks gives, without its checks.</summary>
    public static long UtcTicks(long ticks, short offsetMinutes) => ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
}
