namespace Orleans.Fin.CreditTraining;

/// <summary>Command-line settings: --folds, --seed, --decisions, --write-models DIR.</summary>
internal sealed record TrainingSettings(int Folds, int Seed, int Decisions, string? WriteModels)
{
    public static TrainingSettings Parse(string[] args)
    {
        var settings = new TrainingSettings(5, 20240, 20_000, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--folds" => settings with { Folds = int.Parse(value) },
                "--seed" => settings with { Seed = int.Parse(value) },
                "--decisions" => settings with { Decisions = int.Parse(value) },
                "--write-models" => settings with { WriteModels = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --folds, --seed, --decisions, --write-models."),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"The option {args[^1]} needs a value.");
        }

        return settings;
    }
}
