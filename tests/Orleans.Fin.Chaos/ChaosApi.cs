using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>The REST API as the run sees it: every request yields an <see cref="Answer"/>, never an exception.</summary>
public sealed class ChaosApi(HttpClient http, TimeSpan requestTimeout)
{
    public HttpClient Http => http;

    public Task<Answer> PostAsync(string path, string? token, string jsonBody, string? idempotencyKey = null, TimeSpan? timeout = null) =>
        SendAsync(HttpMethod.Post, path, token, jsonBody, idempotencyKey, timeout);

    public Task<Answer> GetAsync(string path, string token, TimeSpan? timeout = null) =>
        SendAsync(HttpMethod.Get, path, token, null, null, timeout);

    /// <summary>A request that must succeed (onboarding, audit reads): retried on a lost answer, then an error.</summary>
    public async Task<JsonElement> RequireAsync(HttpMethod method, string path, string? token, string? jsonBody = null, string? idempotencyKey = null)
    {
        Answer answer = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answer = await SendAsync(method, path, token, jsonBody, idempotencyKey, null);
            if (!answer.IsLost)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1 + attempt));
        }

        if (answer.Status is < 200 or > 299 || answer.Body is not { } body)
        {
            throw new InvalidOperationException($"{method} {path} answered {answer.Describe()}: {answer.Body}");
        }

        return body;
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, string? token, string? jsonBody, string? idempotencyKey, TimeSpan? timeout)
    {
        using var request = new HttpRequestMessage(method, path);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var started = Stopwatch.GetTimestamp();
        using var cancel = new CancellationTokenSource(timeout ?? requestTimeout);
        try
        {
            using var response = await http.SendAsync(request, cancel.Token);
            var text = await response.Content.ReadAsStringAsync(cancel.Token);
            JsonElement? body = text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : null;
            return new Answer((int)response.StatusCode, body, null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            return new Answer(0, null, "timeout", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return new Answer(0, null, "connection:" + (ex.HttpRequestError.ToString()), Stopwatch.GetElapsedTime(started));
        }
        catch (JsonException)
        {
            return new Answer(0, null, "unreadable-body", Stopwatch.GetElapsedTime(started));
        }
    }
}
