using IcssiCms.Core.BackOffice;
using IcssiCms.Usync.Transfer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IcssiCms.Core.Usync.Api;

/// <summary>A zipped uSync folder from a request, read and checked in memory; or the problem that names what is wrong.</summary>
internal static class UploadedArchive
{
    public static async Task<(IReadOnlyList<UsyncArchiveEntry>? Entries, IActionResult? Problem)> ReadAsync(Stream body, string member, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        try
        {
            await body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, BackOfficeProblems.Create(ex.StatusCode, member, $"The archive could not be read: {ex.Message}"));
        }

        if (buffer.Length == 0)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, member, "The archive is empty: send the uSync folder's contents, zipped."));
        }

        buffer.Position = 0;
        try
        {
            return (UsyncArchive.Read(buffer, UsyncArchiveLimits.Default), null);
        }
        catch (UsyncArchiveException ex)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, member, $"The archive is not a uSync folder: {ex.Message}."));
        }
    }
}
