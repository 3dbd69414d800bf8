namespace Orleans.Fin.Api.Infrastructure;

/// <summary>What a one-time code on a request may look like: absent, or 4 to 10 ASCII digits.</summary>
public static class OneTimeCodeFormat
{
    public const string Message = "otp must be 4 to 10 digits.";

    public static bool IsValid(string? otp) => otp is null || (otp is { Length: >= 4 and <= 10 } && otp.All(char.IsAsciiDigit));
}
