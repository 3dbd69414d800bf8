using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Fin.TestSupport;

/// <summary>Valid, unique test inputs: resident identity numbers, phone numbers, free ports.</summary>
public static class TestData
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static int _sequence = Random.Shared.Next(0, 100_000);

    /// <summary>A valid 18-character identity number for someone born on <paramref name="birth"/> (default: an adult).</summary>
    public static string IdNumber(DateOnly? birth = null, string region = "110105")
    {
        var n = Interlocked.Increment(ref _sequence);
        var born = birth ?? new DateOnly(1960, 1, 1).AddDays(n % 12_000);
        var first17 = region + born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>Replaces the check character with a wrong one.</summary>
    public static string WithWrongCheckCharacter(string id)
    {
        var wrong = id[17] == '0' ? '1' : '0';
        return id[..17] + wrong;
    }

    public static string Phone() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
