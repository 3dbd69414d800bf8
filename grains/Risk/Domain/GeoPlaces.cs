using System.Globalization;
using System.Text;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A small built-in table of city coordinates (major Chinese and world cities) and great-circle distances.
/// Cities outside the table are unknown: travel checks ignore them.
/// </summary>
public static class GeoPlaces
{
    private const double EarthRadiusKm = 6371.0088;

    private static readonly Dictionary<string, GeoPoint> Cities = Build();

    /// <summary>Looks a city up by name, ignoring case, spaces, hyphens, apostrophes and accents.</summary>
    public static bool TryLocate(string? city, out GeoPoint point)
    {
        point = default;
        return !string.IsNullOrWhiteSpace(city) && Cities.TryGetValue(Normalise(city), out point);
    }

    /// <summary>Great-circle distance by the haversine formula, in kilometres.</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The distance between two known cities, or null when either is unknown.</summary>
    public static double? DistanceKm(string? fromCity, string? toCity) =>
        TryLocate(fromCity, out var a) && TryLocate(toCity, out var b) ? DistanceKm(a, b) : null;

    /// <summary>
    /// The journey between two sightings: distance and the speed it needed. A gap under a minute counts as a minute.
    /// Null when either city is unknown.
    /// </summary>
    public static TravelLeg? Journey(string? fromCity, DateTimeOffset fromAt, string? toCity, DateTimeOffset toAt)
    {
        if (DistanceKm(fromCity, toCity) is not { } km)
        {
            return null;
        }

        var hours = Math.Max(Math.Abs((toAt - fromAt).TotalHours), 1.0 / 60);
        return new TravelLeg(km, hours, km / hours);
    }

    /// <summary>The names the table knows (normalised).</summary>
    public static IReadOnlyCollection<string> KnownCities => Cities.Keys;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static string Normalise(string city)
    {
        var decomposed = city.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is ' ' or '-' or '\'' or '.' or '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static Dictionary<string, GeoPoint> Build()
    {
        var table = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        void Add(string names, double latitude, double longitude)
        {
            foreach (var name in names.Split('|'))
            {
                table[Normalise(name)] = new GeoPoint(latitude, longitude);
            }
        }

        // Mainland China, Hong Kong, Macau, Taiwan.
        Add("Beijing|Peking|北京", 39.9042, 116.4074);
        Add("Shanghai|上海", 31.2304, 121.4737);
        Add("Guangzhou|Canton|广州", 23.1291, 113.2644);
        Add("Shenzhen|深圳", 22.5431, 114.0579);
        Add("Tianjin|天津", 39.3434, 117.3616);
        Add("Chongqing|重庆", 29.5630, 106.5516);
        Add("Chengdu|成都", 30.5728, 104.0668);
        Add("Wuhan|武汉", 30.5928, 114.3055);
        Add("Hangzhou|杭州", 30.2741, 120.1551);
        Add("Nanjing|南京", 32.0603, 118.7969);
        Add("Xi'an|Xian|西安", 34.3416, 108.9398);
        Add("Suzhou|苏州", 31.2990, 120.5853);
        Add("Zhengzhou|郑州", 34.7466, 113.6254);
        Add("Changsha|长沙", 28.2282, 112.9388);
        Add("Shenyang|沈阳", 41.8057, 123.4315);
        Add("Qingdao|青岛", 36.0671, 120.3826);
        Add("Dalian|大连", 38.9140, 121.6147);
        Add("Xiamen|厦门", 24.4798, 118.0894);
        Add("Fuzhou|福州", 26.0745, 119.2965);
        Add("Jinan|济南", 36.6512, 117.1201);
        Add("Harbin|哈尔滨", 45.8038, 126.5350);
        Add("Changchun|长春", 43.8171, 125.3235);
        Add("Kunming|昆明", 24.8801, 102.8329);
        Add("Nanning|南宁", 22.8170, 108.3665);
        Add("Guiyang|贵阳", 26.6470, 106.6302);
        Add("Lanzhou|兰州", 36.0611, 103.8343);
        Add("Urumqi|Ürümqi|乌鲁木齐", 43.8256, 87.6168);
        Add("Lhasa|拉萨", 29.6520, 91.1721);
        Add("Hefei|合肥", 31.8206, 117.2272);
        Add("Nanchang|南昌", 28.6820, 115.8579);
        Add("Taiyuan|太原", 37.8706, 112.5489);
        Add("Shijiazhuang|石家庄", 38.0428, 114.5149);
        Add("Hohhot|呼和浩特", 40.8424, 111.7490);
        Add("Yinchuan|银川", 38.4872, 106.2309);
        Add("Xining|西宁", 36.6171, 101.7782);
        Add("Haikou|海口", 20.0440, 110.1999);
        Add("Sanya|三亚", 18.2528, 109.5119);
        Add("Ningbo|宁波", 29.8683, 121.5440);
        Add("Wuxi|无锡", 31.4912, 120.3119);
        Add("Dongguan|东莞", 23.0207, 113.7518);
        Add("Foshan|佛山", 23.0215, 113.1214);
        Add("Zhuhai|珠海", 22.2710, 113.5767);
        Add("Wenzhou|温州", 27.9938, 120.6993);
        Add("Hong Kong|Hongkong|香港", 22.3193, 114.1694);
        Add("Macau|Macao|澳门", 22.1987, 113.5439);
        Add("Taipei|台北", 25.0330, 121.5654);

        // The rest of the world.
        Add("Tokyo", 35.6762, 139.6503);
        Add("Osaka", 34.6937, 135.5023);
        Add("Seoul", 37.5665, 126.9780);
        Add("Singapore", 1.3521, 103.8198);
        Add("Bangkok", 13.7563, 100.5018);
        Add("Kuala Lumpur", 3.1390, 101.6869);
        Add("Jakarta", -6.2088, 106.8456);
        Add("Manila", 14.5995, 120.9842);
        Add("Hanoi", 21.0278, 105.8342);
        Add("Ho Chi Minh City|Saigon", 10.8231, 106.6297);
        Add("New Delhi|Delhi", 28.6139, 77.2090);
        Add("Mumbai", 19.0760, 72.8777);
        Add("Dubai", 25.2048, 55.2708);
        Add("Moscow", 55.7558, 37.6173);
        Add("Istanbul", 41.0082, 28.9784);
        Add("London", 51.5074, -0.1278);
        Add("Paris", 48.8566, 2.3522);
        Add("Frankfurt", 50.1109, 8.6821);
        Add("Berlin", 52.5200, 13.4050);
        Add("Amsterdam", 52.3676, 4.9041);
        Add("Madrid", 40.4168, -3.7038);
        Add("Rome", 41.9028, 12.4964);
        Add("Zurich", 47.3769, 8.5417);
        Add("New York", 40.7128, -74.0060);
        Add("Los Angeles", 34.0522, -118.2437);
        Add("San Francisco", 37.7749, -122.4194);
        Add("Chicago", 41.8781, -87.6298);
        Add("Toronto", 43.6532, -79.3832);
        Add("Vancouver", 49.2827, -123.1207);
        Add("Mexico City", 19.4326, -99.1332);
        Add("São Paulo|Sao Paulo", -23.5505, -46.6333);
        Add("Sydney", -33.8688, 151.2093);
        Add("Melbourne", -37.8136, 144.9631);
        Add("Auckland", -36.8485, 174.7633);
        Add("Johannesburg", -26.2041, 28.0473);
        Add("Cairo", 30.0444, 31.2357);
        Add("Lagos", 6.5244, 3.3792);
        return table;
    }
}
