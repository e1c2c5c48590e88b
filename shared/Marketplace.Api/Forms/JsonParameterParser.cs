using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using Marketplace.Api.Errors;

namespace Marketplace.Api.Forms;

/// <summary>
/// Parses a JSON object body into the same tree as a form body, so endpoints read both alike. Numbers keep their
/// JSON text and booleans become <c>true</c>/<c>false</c>, as they would arrive in a form; <c>null</c> is the
/// explicit "unset" an empty form value means.
/// </summary>
public static class JsonParameterParser
{
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out ParameterHash? parameters, [NotNullWhen(false)] out StripeError? error)
    {
        parameters = null;
        if (!Utf8.IsValid(body))
        {
            error = ParameterErrors.InvalidEncoding();
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = ParameterLimits.MaxDepth });
        }
        catch (JsonException)
        {
            error = ParameterErrors.InvalidJson();
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = ParameterErrors.InvalidJson();
                return false;
            }

            var count = 0;
            parameters = Convert(document.RootElement, null, ref count, out error) as ParameterHash;
            return parameters is not null;
        }
    }

    static ParameterNode? Convert(JsonElement element, string? path, ref int count, out StripeError? error)
    {
        error = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var hash = new ParameterHash();
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = ParameterPath.Child(path, property.Name);
                    if (Convert(property.Value, childPath, ref count, out error) is not { } child)
                    {
                        return null;
                    }

                    hash.Set(property.Name, child);
                }

                return hash;
            case JsonValueKind.Array:
                var list = new ParameterList();
                if (element.GetArrayLength() > ParameterLimits.MaxListLength)
                {
                    error = ParameterErrors.ListTooLong(path ?? "");
                    return null;
                }

                foreach (var item in element.EnumerateArray())
                {
                    if (Convert(item, path, ref count, out error) is not { } child)
                    {
                        return null;
                    }

                    list.Add(child);
                }

                return list;
            default:
                if (++count > ParameterLimits.MaxParameters)
                {
                    error = ParameterErrors.TooMany();
                    return null;
                }

                return new ParameterValue(element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString()!,
                    JsonValueKind.Null => "",
                    _ => element.GetRawText(),
                });
        }
    }
}
