using Orleans.Fin.Common;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>Collects field errors of one request and throws them together.</summary>
public sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public RequestValidator Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters.");
        }
        else if (HasControlCharacters(value))
        {
            Add(field, $"{field} must not contain control characters.");
        }

        return this;
    }

    public RequestValidator Optional(string field, string? value, int maxLength = 200)
    {
        if (value is not null && (value.Length > maxLength || string.IsNullOrWhiteSpace(value)))
        {
            Add(field, $"{field} must be 1 to {maxLength} characters when given.");
        }
        else if (value is not null && HasControlCharacters(value))
        {
            Add(field, $"{field} must not contain control characters.");
        }

        return this;
    }

    /// <summary>
    /// A sum of money that is not itself moved (price, income, assets, expenses): at most 2 decimal places, between 0 and
    /// the largest amount; <paramref name="positive"/> also refuses 0. Null passes unless <paramref name="required"/>.
    /// </summary>
    public RequestValidator MoneyFigure(string field, decimal? value, bool required, bool positive = false)
    {
        if (value is not { } figure)
        {
            return Check(!required, field, $"{field} is required.");
        }

        var ok = (positive ? figure > 0 : figure >= 0) && figure <= MoneyRules.MaxAmount && decimal.Round(figure, 2) == figure;
        var lower = positive ? "greater than 0" : "at least 0";
        return Check(ok, field, $"{field} must be {lower}, at most {MoneyRules.MaxAmount:0}, with at most 2 decimal places.");
    }

    public RequestValidator Amount(string field, decimal? amount)
    {
        if (MoneyRules.Validate(amount) is { } error)
        {
            Add(field, error);
        }

        return this;
    }

    public RequestValidator Currency(string field, string? currency)
    {
        if (!Currencies.IsSupported(currency))
        {
            Add(field, $"{field} must be one of {string.Join(", ", Currencies.Supported)}.");
        }

        return this;
    }

    public RequestValidator OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
        {
            Add(field, $"{field} must be one of {string.Join(", ", allowed)}.");
        }

        return this;
    }

    public RequestValidator Id(string field, string? id, string prefix)
    {
        if (!FinIds.HasPrefix(id, prefix))
        {
            Add(field, $"{field} must be an id of the form {prefix}_….");
        }

        return this;
    }

    /// <summary>A dotted-quad IPv4 or an IPv6 address (not the shorthand forms such as "1" that parsers also accept).</summary>
    public RequestValidator IpAddress(string field, string? value, bool required)
    {
        if (value is null && !required)
        {
            return this;
        }

        var ok = value is not null && System.Net.IPAddress.TryParse(value, out var address)
            && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? value.Contains(':', StringComparison.Ordinal) : value.Count(c => c == '.') == 3);
        return Check(ok, field, $"{field} must be an IPv4 or IPv6 address.");
    }

    public RequestValidator Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }

        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ApiValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    /// <summary>Control characters (NUL, BEL, line breaks, ...) and unpaired surrogates have no place in a name, id or note.</summary>
    public static bool HasControlCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }
}
