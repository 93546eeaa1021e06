namespace Storyfold.Cli;

/// <summary>Exit codes of the contract.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Partial = 3;
}
