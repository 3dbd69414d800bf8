namespace Orleans.Fin.ProfileReport;

/// <summary>The commonest whole stacks among the samples that pass through a frame: what to read when a row surprises.</summary>
public static class StackSamples
{
    public static void Print(TextWriter output, TraceSamples samples, string framePrefix, int count)
    {
        var matching = samples.Stacks.Where(s => s.Any(f => f.StartsWith(framePrefix, StringComparison.Ordinal))).ToList();
        output.WriteLine($"stacks through {framePrefix}: {matching.Count} samples; our nearest callers:");
        var callers = matching.Select(s => s.SkipWhile(f => !f.StartsWith(framePrefix, StringComparison.Ordinal))
                .FirstOrDefault(f => f.StartsWith("Orleans.Fin.", StringComparison.Ordinal)) ?? "(none of ours)")
            .GroupBy(f => f, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(12);
        foreach (var caller in callers)
        {
            output.WriteLine($"  {caller.Count(),6}  {(caller.Key.Length > 150 ? caller.Key[..150] : caller.Key)}");
        }

        foreach (var group in matching.GroupBy(s => string.Join('\n', s.Take(40)), StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(count))
        {
            output.WriteLine($"-- {group.Count()} samples");
            foreach (var frame in group.First().Take(40))
            {
                output.WriteLine("   " + (frame.Length > 160 ? frame[..160] : frame));
            }
        }
    }
}
