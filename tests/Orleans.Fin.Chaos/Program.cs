using Orleans.Fin.Chaos;

// The chaos run: onboards customers, sends concurrent payments (duplicates included) while silos are
// killed with SIGKILL and restarted, then checks, without any client retry, that the system settles
// with the ledger intact; then retries every lost answer and checks again; last, that no risk state refers to a
// missing cold part (in PostgreSQL), that a real sweep with both silos killed leaves no orphan and no dangling state,
// and that every customer's risk grain answers once the silos are back (activating from storage). Exit code 0 = PASS.
ChaosOptions options;
try
{
    options = ChaosOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: Orleans.Fin.Chaos --url URL [--run-dir DIR --restart CMD] [--signing-key-file F] [--customers 24] [--concurrency 16] "
        + "[--seconds 45] [--kills 2] [--down-seconds 3] [--duplicate-percent 10] [--request-timeout 35] [--settle-seconds 90] [--seed N] "
        + "[--pg-connection CS [--service-id orleans-fin]]");
    return 2;
}

return await new ChaosRun(options).RunAsync() ? 0 : 1;
