using System.Text;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// An audit text is held without the reference it names and with the engine's stock phrases as single bytes, and decodes
/// with that reference to exactly the text.
/// </summary>
public sealed class AuditTextTests
{
    private const string Movement = "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN";

    [Theory]
    [InlineData("付款 pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN 给 上海 \"x\"")]
    [InlineData("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN")]
    [InlineData("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN twice: pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN")]
    [InlineData("Login from device dev_1 in Shanghai, CN: no findings")]
    [InlineData("Payment Payment  of  of : no findings: no findings CNY")]
    [InlineData("Incoming payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 5 CNY from acc_1 to acc_2")]
    [InlineData("Payment")]
    [InlineData("")]
    public void Decode_WithTheSameReference_GivesBackTheText(string text) =>
        Assert.Equal(text, AuditText.Decode(AuditText.Encode(text, Movement), Movement));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("参考")] // not ASCII: kept in the text
    public void Encode_NoReferenceToLeaveOut_IsPlainUtf8(string? reference)
    {
        const string text = "Freeze: 参考 pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN by staff";

        Assert.Equal(Encoding.UTF8.GetBytes(text), AuditText.Encode(text, reference));
        Assert.Equal(text, AuditText.Decode(AuditText.Encode(text, reference), reference));
    }

    [Fact]
    public void Encode_RoutineDecisionText_HoldsTheReferenceAndStockPhrasesAsOneByteEach()
    {
        const string text = "Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 10.50 CNY: no findings";

        var bytes = AuditText.Encode(text, Movement);

        // "Payment ", the id, " of ", "10.50", " CNY", ": no findings"
        Assert.Equal(10, bytes.Length);
        Assert.Equal(AuditText.ReferenceMark, bytes[1]);
        Assert.Equal(text, AuditText.Decode(bytes, Movement));
    }

    [Fact]
    public void Decode_NothingHeld_IsEmpty() => Assert.Equal("", AuditText.Decode(null, Movement));
}
