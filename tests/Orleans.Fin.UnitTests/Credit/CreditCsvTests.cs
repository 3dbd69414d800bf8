using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditCsvTests
{
    [Fact]
    public void Parse_QuotedAndBareFields_ReadsHeaderAndValues()
    {
        var table = CreditCsv.Parse("\"Status\",\"Age\"\n\"good\",30\n");

        Assert.Equal(["Status", "Age"], table.Header);
        Assert.Single(table.Rows);
        Assert.Equal(["good", "30"], table.Rows[0].Fields);
    }

    [Fact]
    public void Parse_QuotedCommaAndDoubledQuote_KeepsThemInTheField()
    {
        var table = CreditCsv.Parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");

        Assert.Equal("x, y", table.Rows[0][0]);
        Assert.Equal("say \"hi\"", table.Rows[0][1]);
    }

    [Fact]
    public void Parse_EmptyFieldsQuotedOrNot_AreMissing()
    {
        var table = CreditCsv.Parse("a,b,c,d\n,\"\",  ,1\n");

        Assert.Equal([null, null, null, "1"], table.Rows[0].Fields);
    }

    [Fact]
    public void Parse_TrailingEmptyField_IsMissingNotDropped()
    {
        var table = CreditCsv.Parse("a,b\n1,\n");

        Assert.Equal(["1", null], table.Rows[0].Fields);
    }

    [Fact]
    public void Parse_CrlfLineEndsAndBlankLines_GiveTheSameRows()
    {
        var table = CreditCsv.Parse("a,b\r\n1,2\r\n\r\n3,4");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["3", "4"], table.Rows[1].Fields);
    }

    [Fact]
    public void Parse_LineBreakInsideQuotes_StaysInTheFieldAndLinesAreCounted()
    {
        var table = CreditCsv.Parse("a,b\n\"one\ntwo\",2\n3,4\n");

        Assert.Equal("one\ntwo", table.Rows[0][0]);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(4, table.Rows[1].Line);
    }

    [Fact]
    public void Parse_UnterminatedQuote_Throws()
    {
        Assert.Throws<FormatException>(() => CreditCsv.Parse("a,b\n\"open,2\n"));
    }

    [Fact]
    public void IndexOf_HeaderName_IgnoresCase()
    {
        var table = CreditCsv.Parse("Status,Age\n");

        Assert.Equal(1, table.IndexOf("age"));
        Assert.Equal(-1, table.IndexOf("Income"));
    }
}
