namespace IcssiCms.Usync.Cli;

/// <summary>
/// What <c>usync</c> exits with, for a CI job to act on. The codes never overlap: each means one thing in every
/// command that can return it.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done: the folder is valid, the plan has no changes, the plan was applied, the export was written.</summary>
    public const int Success = 0;

    /// <summary>Refused: the folder has problems (every one is listed), or <c>apply</c> found the folder or the site changed since the plan.</summary>
    public const int Refused = 1;

    /// <summary><c>plan</c>: there are changes, none of them destructive.</summary>
    public const int Changes = 2;

    /// <summary><c>plan</c>: there are changes, and some would lose stored data.</summary>
    public const int DestructiveChanges = 3;

    /// <summary><c>apply</c>: the plan loses data and <c>--allow-destructive</c> was not given; nothing was written.</summary>
    public const int DestructiveRefused = 4;

    /// <summary>Could not run: no site or credentials, a site that does not answer or refuses the API user, an unreadable plan file, an I/O error.</summary>
    public const int Error = 5;

    /// <summary>Wrong arguments (an unknown option, a missing required one): sysexits' EX_USAGE.</summary>
    public const int Usage = 64;

    /// <summary>Every code, as <c>usync --help</c> lists them.</summary>
    public const string All = """
        Exit codes:
          0   success: valid, no changes, applied, exported
          1   refused: the folder has problems (validate, plan, apply), or apply found the folder or the site changed since the plan
          2   plan: changes to apply, none destructive
          3   plan: changes to apply, some destructive
          4   apply: destructive changes refused (no --allow-destructive); nothing written
          5   error: no site or credentials, the site refused or did not answer, unreadable plan file, I/O error
          64  usage: wrong arguments
        """;

    public const string Validate = """
        Exit codes:
          0   the folder is valid
          1   the folder has problems (each listed as file:line: message)
          64  wrong arguments
        """;

    public const string Plan = """
        Exit codes (as terraform plan -detailed-exitcode, with 1 for a refused folder):
          0   no changes: the site already matches the folder
          1   the folder has problems (each listed with file and line); nothing planned
          2   changes to apply, none destructive
          3   changes to apply, some destructive (apply needs --allow-destructive)
          5   error: no site or credentials, the site refused or did not answer, I/O error
          64  wrong arguments
        """;

    public const string Apply = """
        Exit codes:
          0   applied (or the plan had no changes)
          1   refused, nothing written: the folder has problems, or the folder or the site changed since the plan (plan again)
          4   refused, nothing written: the plan is destructive and --allow-destructive was not given
          5   error: no such plan file, a file that is not a plan, no site or credentials, the site refused or did not answer, I/O error
          64  wrong arguments
        """;

    public const string Export = """
        Exit codes:
          0   exported
          5   error: no site or credentials, the site refused or did not answer, I/O error
          64  wrong arguments
        """;
}
