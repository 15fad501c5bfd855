using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RetailDatagen.Core.Insights;

/// <summary>A state outline as SVG path data in the map's coordinate space.</summary>
public sealed record StateShape(string Code, string Name, string Path);

/// <summary>
/// An offline map of the United States: the shipped state outlines (public-domain Census shapes, simplified)
/// projected into a 960 × 600 view box, with Alaska and Hawaii as insets, and the same projection for points.
/// </summary>
public static class UsMap
{
    public const double Width = 960;
    public const double Height = 600;
    private static readonly Lazy<IReadOnlyList<StateShape>> Shapes = new(Load);

    public static IReadOnlyList<StateShape> States => Shapes.Value;

    /// <summary>Projects a longitude/latitude to view-box coordinates (conic-like for the lower 48; insets for AK and
    /// HI).</summary>
    public static (double X, double Y) Project(double longitude, double latitude)
    {
        if (latitude > 50 && longitude < -129)
        {
            // Alaska inset, bottom left: its bounding box fitted into 200 × 140.
            return Inset(longitude, latitude, -180, -129, 51, 72, 20, 440, 200, 140);
        }

        if (latitude < 23 && longitude < -150)
        {
            // Hawaii inset, beside Alaska.
            return Inset(longitude, latitude, -160.3, -154.7, 18.8, 22.3, 240, 500, 110, 70);
        }

        return Lower48(longitude, latitude);
    }

    private static (double X, double Y) Inset(
        double lon,
        double lat,
        double west,
        double east,
        double south,
        double north,
        double left,
        double top,
        double width,
        double height
    )
    {
        var k = Math.Cos((south + north) / 2 * Math.PI / 180);
        var scale = Math.Min(width / ((east - west) * k), height / (north - south));
        return (Math.Round(left + ((lon - west) * k * scale), 1), Math.Round(top + ((north - lat) * scale), 1));
    }

    private static (double X, double Y) Lower48(double longitude, double latitude)
    {
        // Equirectangular with the longitude scaled at the map's middle latitude, fitted to the view box.
        const double west = -125.0,
            east = -66.5,
            north = 49.5,
            south = 24.0;
        var k = Math.Cos(37.5 * Math.PI / 180);
        var scale = Math.Min((Width - 40) / ((east - west) * k), (Height - 60) / (north - south));
        var x = 20 + ((longitude - west) * k * scale);
        var y = 20 + ((north - latitude) * scale);
        return (Math.Round(x, 1), Math.Round(y, 1));
    }

    private static List<StateShape> Load()
    {
        using var stream =
            typeof(UsMap).Assembly.GetManifestResourceStream("RetailDatagen.Core.Insights.us-states.json")
            ?? throw new InvalidOperationException("The embedded state outlines are missing.");
        using var document = JsonDocument.Parse(stream);
        var shapes = new List<StateShape>();
        foreach (var state in document.RootElement.GetProperty("states").EnumerateArray())
        {
            var path = new StringBuilder();
            foreach (var ring in state.GetProperty("rings").EnumerateArray())
            {
                var first = true;
                foreach (var point in ring.EnumerateArray())
                {
                    var (x, y) = Project(point[0].GetDouble(), point[1].GetDouble());
                    path.Append(first ? 'M' : 'L')
                        .Append(x.ToString(CultureInfo.InvariantCulture))
                        .Append(',')
                        .Append(y.ToString(CultureInfo.InvariantCulture));
                    first = false;
                }

                path.Append('Z');
            }

            shapes.Add(
                new StateShape(
                    state.GetProperty("code").GetString()!,
                    state.GetProperty("name").GetString()!,
                    path.ToString()
                )
            );
        }

        return shapes;
    }
}
