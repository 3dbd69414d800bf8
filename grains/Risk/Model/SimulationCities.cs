namespace Orleans.Fin.Risk.Model;

/// <summary>Cities the simulator places customers and attackers in (all known to the geo table).</summary>
internal static class SimulationCities
{
    /// <summary>Home cities with rough weights by population of internet-finance users.</summary>
    public static readonly (string City, double Weight)[] Homes =
    [
        ("Shanghai", 10), ("Beijing", 10), ("Shenzhen", 8), ("Guangzhou", 8), ("Hangzhou", 6), ("Chengdu", 6),
        ("Chongqing", 5), ("Wuhan", 5), ("Nanjing", 5), ("Xi'an", 4), ("Tianjin", 4), ("Suzhou", 4), ("Zhengzhou", 3),
        ("Changsha", 3), ("Qingdao", 3), ("Xiamen", 2), ("Shenyang", 2), ("Kunming", 2), ("Harbin", 2), ("Hefei", 2),
        ("Dongguan", 2), ("Foshan", 2), ("Ningbo", 2), ("Jinan", 2), ("Fuzhou", 2), ("Dalian", 2),
    ];

    public static readonly string[] Domestic =
        [.. Homes.Select(h => h.City), "Sanya", "Haikou", "Lhasa", "Urumqi", "Guiyang", "Nanning", "Lanzhou", "Hong Kong", "Macau"];

    public static readonly string[] Abroad =
        ["Tokyo", "Osaka", "Seoul", "Singapore", "Bangkok", "Kuala Lumpur", "London", "Paris", "New York", "Los Angeles", "Sydney", "Dubai"];

    /// <summary>Where attackers appear from: far cities at home and abroad.</summary>
    public static readonly string[] Attackers =
        ["Urumqi", "Harbin", "Kunming", "Haikou", "Lagos", "Moscow", "Jakarta", "Manila", "Ho Chi Minh City", "Bangkok", "Kuala Lumpur", "Dubai", "São Paulo", "Istanbul"];

    public static string CountryOf(string city) => city switch
    {
        "Hong Kong" => "HK",
        "Macau" => "MO",
        "Tokyo" or "Osaka" => "JP",
        "Seoul" => "KR",
        "Singapore" => "SG",
        "Bangkok" => "TH",
        "Kuala Lumpur" => "MY",
        "London" => "GB",
        "Paris" => "FR",
        "New York" or "Los Angeles" => "US",
        "Sydney" => "AU",
        "Dubai" => "AE",
        "Lagos" => "NG",
        "Moscow" => "RU",
        "Jakarta" => "ID",
        "Manila" => "PH",
        "Ho Chi Minh City" => "VN",
        "São Paulo" => "BR",
        "Istanbul" => "TR",
        _ => "CN",
    };
}
