namespace Envoi.Core.Green.Report;

/// <summary>
/// The Green IT report over the last <see cref="Days"/> days of real traffic. "Per month" is the
/// period's traffic scaled to 30 days, "per year" to 365: a projection, assuming the coming months
/// look like the period. CO2 figures are estimates from <see cref="Co2Factors"/>.
/// </summary>
public sealed record GreenReport(DateOnly From, DateOnly To, int Days, string Co2Model, int BudgetBytes,
    IReadOnlyList<SignatureGreenRow> Signatures, IReadOnlyList<EmployeeGreenRow> Employees)
{
    public long BytesAddedPerMonth => Signatures.Sum(s => s.BytesAddedPerMonth);
    public double Co2GramsPerMonth => Signatures.Sum(s => s.Co2GramsPerMonth);
    public double Co2GramsPerYear => Signatures.Sum(s => s.Co2GramsPerYear);
    public double Co2SavedGramsPerMonth => Signatures.Sum(s => s.Co2SavedGramsPerMonth);
}

/// <summary>One signature: its weight as designed (rendered for the sample sender) and its real traffic.</summary>
/// <param name="BytesAddedPerMessage">Measured: bytes the gateway added, divided by the messages that got it.</param>
/// <param name="BytesTransferredPerMonth">Every recipient receives the added bytes and downloads the hosted images once.</param>
/// <param name="SavedBytesPerMonth">What image optimization saves: (original − optimized) for every transfer and copy kept.</param>
public sealed record SignatureGreenRow(string Signature, string Images, int HtmlBytes, int TextBytes, int EmbeddedImageBytes, int HostedImageBytes, bool OverBudget,
    int Employees, long Messages, long Recipients, long BytesAddedPerMessage, long BytesAddedPerMonth, long BytesAddedPerYear,
    long BytesTransferredPerMonth, double Co2GramsPerMonth, double Co2GramsPerYear, long SavedBytesPerMonth, double Co2SavedGramsPerMonth);

/// <summary>One signature as rendered for one employee who sent with it during the period.</summary>
public sealed record EmployeeGreenRow(string Signature, string Email, int HtmlBytes, int TextBytes, int EmbeddedImageBytes, int HostedImageBytes,
    long Messages, long Recipients, long BytesAdded, long BytesAddedPerMonth, double Co2GramsPerMonth);
