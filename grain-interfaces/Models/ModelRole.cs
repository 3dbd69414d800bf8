namespace Orleans.Fin.Models;

/// <summary>Champion decides; a challenger scores in shadow (or takes its traffic share); a retired champion can be promoted back.</summary>
public enum ModelRole
{
    Champion = 0,
    Challenger = 1,
    Retired = 2,
}
