using System.Security.Cryptography;
using System.Text;

namespace Orleans.Fin.Risk.Control;

public enum OtpCheck
{
    /// <summary>No code was given, or none was issued for this payment: one must be sent.</summary>
    Missing = 0,

    /// <summary>The code matches; the challenge is now used.</summary>
    Passed = 1,

    /// <summary>The code does not match; attempts remain.</summary>
    Wrong = 2,

    /// <summary>The code does not match and no attempts remain; the payment must be declined.</summary>
    Exhausted = 3,

    /// <summary>The code expired before it was entered: a new one must be sent.</summary>
    Expired = 4,

    /// <summary>The code was already accepted once (a replay).</summary>
    Replayed = 5,
}

/// <summary>
/// Rules of one-time codes: codes are compared by salted SHA-256 in constant time, expire, allow a fixed number of
/// wrong attempts and are accepted at most once. Time and randomness are passed in.
/// </summary>
public static class OneTimeCodes
{
    public static OtpChallenge Issue(string movementId, string code, byte[] salt, DateTimeOffset now, TimeSpan lifetime, OtpChallenge? previous) => new()
    {
        MovementId = movementId,
        Salt = Convert.ToBase64String(salt),
        CodeHash = Hash(code, salt),
        IssuedAt = now,
        ExpiresAt = now + lifetime,
        Attempts = 0,
        Issues = (previous?.Issues ?? 0) + 1,
    };

    /// <summary>Checks <paramref name="otp"/> against <paramref name="challenge"/> and records the attempt on it.</summary>
    public static OtpCheck Verify(OtpChallenge? challenge, string? otp, DateTimeOffset now, int maxAttempts)
    {
        if (challenge is null || otp is null)
        {
            return OtpCheck.Missing;
        }

        if (challenge.Used)
        {
            return OtpCheck.Replayed;
        }

        if (challenge.Exhausted)
        {
            return OtpCheck.Exhausted;
        }

        if (now >= challenge.ExpiresAt)
        {
            return OtpCheck.Expired;
        }

        var expected = Convert.FromBase64String(challenge.CodeHash);
        var actual = Convert.FromBase64String(Hash(otp, Convert.FromBase64String(challenge.Salt)));
        if (CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            challenge.Used = true;
            return OtpCheck.Passed;
        }

        challenge.Attempts++;
        if (challenge.Attempts >= maxAttempts)
        {
            challenge.Exhausted = true;
            return OtpCheck.Exhausted;
        }

        return OtpCheck.Wrong;
    }

    /// <summary>A code of <paramref name="digits"/> decimal digits; <paramref name="randomBelow"/>(10) draws each digit.</summary>
    public static string Compose(int digits, Func<int, int> randomBelow)
    {
        var chars = new char[digits];
        for (var i = 0; i < digits; i++)
        {
            chars[i] = (char)('0' + randomBelow(10));
        }

        return new string(chars);
    }

    /// <summary>What logs may show of a code: nothing but its length.</summary>
    public static string Mask(string code) => new('*', code.Length);

    private static string Hash(string code, byte[] salt)
    {
        var bytes = new byte[salt.Length + Encoding.UTF8.GetByteCount(code)];
        salt.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(code, 0, code.Length, bytes, salt.Length);
        return Convert.ToBase64String(SHA256.HashData(bytes));
    }
}
