using System.Text;
using System.Text.Json;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Tests.Support;

/// <summary>Writes a parameter tree as a form body (brackets left raw, as Stripe.net sends them) and as canonical JSON.</summary>
internal static class ParameterTrees
{
    public static string ToForm(ParameterHash root)
    {
        var pairs = new List<string>();
        foreach (var (key, child) in root.Children)
        {
            Encode(Uri.EscapeDataString(key), child, pairs);
        }

        return string.Join('&', pairs);
    }

    public static string Describe(ParameterNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void Encode(string name, ParameterNode node, List<string> pairs)
    {
        switch (node)
        {
            case ParameterValue value:
                pairs.Add($"{name}={Uri.EscapeDataString(value.Text)}");
                break;
            case ParameterList list:
                foreach (var item in list.Items)
                {
                    Encode(name + "[]", item, pairs);
                }

                break;
            case ParameterHash hash:
                foreach (var (key, child) in hash.Children)
                {
                    Encode($"{name}[{Uri.EscapeDataString(key)}]", child, pairs);
                }

                break;
        }
    }

    static void Write(Utf8JsonWriter writer, ParameterNode node)
    {
        switch (node)
        {
            case ParameterValue value:
                writer.WriteStringValue(value.Text);
                break;
            case ParameterList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ParameterHash hash:
                writer.WriteStartObject();
                foreach (var (key, child) in hash.Children)
                {
                    writer.WritePropertyName(key);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
        }
    }
}
