namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A time with its offset as a record value keeps it: local ticks and the offset in minutes, 10 bytes that pack beside
/// the record's other small fields, where a <see cref="DateTimeOffset"/> field takes 16. Reads back the same instant and
/// offset, so the time writes to JSON as it was read.
/// </summary>
public static class TimeParts
{
    public static (long Ticks, short OffsetMinutes) Split(DateTimeOffset at) => (at.Ticks, (short)at.Offset.TotalMinutes);

    public static DateTimeOffset Join(long ticks, short offsetMinutes) => new(ticks, TimeSpan.FromMinutes(offsetMinutes));
}
