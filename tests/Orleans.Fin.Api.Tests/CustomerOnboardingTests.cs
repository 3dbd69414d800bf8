using System.Net;
using System.Net.Http.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CustomerOnboardingTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task CreateCustomer_ValidAdult_Is201VerifiedLowRiskAndMasked()
    {
        var idNumber = TestData.IdNumber();
        var phone = TestData.Phone();

        var response = await _api.Http.PostAsJsonAsync("/customers", new { name = "Li Lei", idNumber, phone, deviceId = "device-1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(idNumber, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
        var customer = await response.ReadJsonAsync();
        var id = customer.Str("id");
        Assert.StartsWith("cus_", id, StringComparison.Ordinal);
        Assert.Equal($"/customers/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Verified", customer.Str("kycStatus"));
        Assert.Equal("Low", customer.Str("riskLevel"));
        Assert.Equal(idNumber[..4] + new string('*', 10) + idNumber[14..], customer.Str("idNumber"));
        Assert.Equal(phone[..3] + "****" + phone[7..], customer.Str("phone"));
        Assert.Equal(["device-1"], customer.GetProperty("boundDevices").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task GetCustomer_Profile_NeverShowsFullIdNumber()
    {
        var idNumber = TestData.IdNumber();
        var created = await (await _api.Http.PostAsJsonAsync("/customers", new { name = "Han Meimei", idNumber, phone = TestData.Phone(), deviceId = "d" })).ReadJsonAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{created.Str("id")}", fixture.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(idNumber, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string?, string, string, string?> InvalidRegistrations()
    {
        // Well under 18: the shared node's business clock runs ahead of the wall clock (the wealth tests move it past a year).
        var minorBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12);
        return new()
        {
            { "idNumber", "Wrong Check", TestData.WithWrongCheckCharacter(TestData.IdNumber()), TestData.Phone(), "device-1" },
            { "idNumber", "Minor", TestData.IdNumber(minorBirth), TestData.Phone(), "device-1" },
            { "idNumber", "Bad Region", TestData.IdNumber(region: "990105"), TestData.Phone(), "device-1" },
            { "idNumber", "Short Id", "11010519900101", TestData.Phone(), "device-1" },
            { "phone", "Bad Phone", TestData.IdNumber(), "12345678901", "device-1" },
            { "phone", "Short Phone", TestData.IdNumber(), "1391234", "device-1" },
            { "name", null, TestData.IdNumber(), TestData.Phone(), "device-1" },
            { "name", "   ", TestData.IdNumber(), TestData.Phone(), "device-1" },
            { "deviceId", "No Device", TestData.IdNumber(), TestData.Phone(), null },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task CreateCustomer_InvalidField_Is400WithFieldError(string field, string? name, string idNumber, string phone, string? deviceId)
    {
        var response = await _api.Http.PostAsJsonAsync("/customers", new { name, idNumber, phone, deviceId });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"errors has no '{field}': {problem}");
        Assert.NotEqual(0, messages.GetArrayLength());
        Assert.DoesNotContain(idNumber, problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateCustomer_EighteenToday_Is201AndOneDayYounger_Is400()
    {
        // Ages count on the calendar of China Standard Time (UTC+8), on the business clock.
        var today = DateOnly.FromDateTime((await _api.BusinessNowAsync(fixture.OperatorToken)).UtcDateTime.AddHours(8));

        var adult = await _api.Http.PostAsJsonAsync("/customers", new { name = "A", idNumber = TestData.IdNumber(today.AddYears(-18)), phone = TestData.Phone(), deviceId = "d" });
        var minor = await _api.Http.PostAsJsonAsync("/customers", new { name = "B", idNumber = TestData.IdNumber(today.AddYears(-18).AddDays(1)), phone = TestData.Phone(), deviceId = "d" });

        Assert.Equal(HttpStatusCode.Created, adult.StatusCode);
        var problem = await FinApiClient.AssertProblemAsync(minor, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
    }

    [Fact]
    public async Task CreateCustomer_BirthDateInTheFuture_Is400()
    {
        var response = await _api.Http.PostAsJsonAsync("/customers", new
        {
            name = "A",
            idNumber = TestData.IdNumber(DateOnly.FromDateTime((await _api.BusinessNowAsync(fixture.OperatorToken)).UtcDateTime.AddHours(8)).AddDays(3)),
            phone = TestData.Phone(),
            deviceId = "d",
        });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
    }

    [Fact]
    public async Task CreateCustomer_Response_DoesNotLetTheIdNumberBeReconstructed()
    {
        var idNumber = TestData.IdNumber();
        var created = await (await _api.Http.PostAsJsonAsync("/customers", new { name = "A", idNumber, phone = TestData.Phone(), deviceId = "d" })).ReadJsonAsync();
        var masked = created.Str("idNumber");

        // The birth date (characters 7-14) is neither shown in the masked number nor anywhere else in the body.
        Assert.False(created.TryGetProperty("birthDate", out _));
        Assert.Equal(new string('*', 16), masked[1..17]);
        Assert.DoesNotContain(idNumber[6..14], created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCustomer_SameIdNumberTwice_Is409Conflict()
    {
        var idNumber = TestData.IdNumber();
        var first = await _api.Http.PostAsJsonAsync("/customers", new { name = "A", idNumber, phone = TestData.Phone(), deviceId = "d1" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await _api.Http.PostAsJsonAsync("/customers", new { name = "B", idNumber = idNumber.ToLowerInvariant(), phone = TestData.Phone(), deviceId = "d2" });

        var problem = await FinApiClient.AssertProblemAsync(second, HttpStatusCode.Conflict, "conflict");
        Assert.DoesNotContain(idNumber, problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateCustomer_TwentyConcurrentRegistrationsOfOneIdentity_ExactlyOneIsCreated()
    {
        var idNumber = TestData.IdNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _api.Http.PostAsJsonAsync("/customers", new { name = $"Racer {i}", idNumber, phone = TestData.Phone(), deviceId = $"d{i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var conflicts = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(19, conflicts.Count);
        foreach (var conflict in conflicts)
        {
            await FinApiClient.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");
        }
    }
}
