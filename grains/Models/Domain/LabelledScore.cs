namespace Orleans.Fin.Models.Domain;

/// <summary>A model's score for a decision whose outcome is known: <paramref name="Positive"/> is fraud or default.</summary>
public readonly record struct LabelledScore(double Score, bool Positive);
