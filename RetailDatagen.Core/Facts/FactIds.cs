using System.Globalization;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// Identifiers of fact rows. Each embeds the day and the node, then a sequence in emission order, so they
/// sort in the order rows are written (their B-tree indexes only ever append) and are unique by construction.
/// </summary>
internal static class FactIds
{
    public static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Receipt(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"R{day}-{store:D4}-{seq:D5}");

    public static string ReceiptTrace(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"RT{day}-{store:D4}-{seq:D5}");

    /// <summary>A refund receipt: after the store-day's sales in key order ('R' sorts after the digits of a sale's
    /// sequence).</summary>
    public static string Refund(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"R{day}-{store:D4}-R{seq:D4}");

    public static string RefundTrace(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"RT{day}-{store:D4}-R{seq:D4}");

    public static bool IsRefund(string receiptId) => receiptId.Length > 15 && receiptId[15] == 'R';

    public static string StoreTxn(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"ST{day}-{store:D4}-{seq:D6}");

    public static string DcTxn(string day, int dc, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"DT{day}-{dc:D3}-{seq:D6}");

    public static string Shipment(string day, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"SH{day}-{seq:D5}");

    public static string TruckMove(string day, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"TM{day}-{seq:D6}");

    public static string FootTraffic(string day, int store, int hour, int sensor) =>
        string.Create(CultureInfo.InvariantCulture, $"FT{day}-{store:D4}-{hour:D2}-{sensor}");

    public static string BlePing(string day, int store, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"BP{day}-{store:D4}-{seq:D6}");

    public static string Order(string day, int seq) => string.Create(CultureInfo.InvariantCulture, $"OO{day}-{seq:D6}");

    public static string OrderTrace(string day, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"OT{day}-{seq:D6}");

    public static string Impression(string day, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"MK{day}-{seq:D8}");
}
