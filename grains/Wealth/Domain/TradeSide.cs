namespace Orleans.Fin.Wealth.Domain;

public enum TradeSide
{
    Buy,
    Sell,
}
