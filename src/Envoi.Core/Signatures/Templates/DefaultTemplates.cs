using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The signatures a new (and the demo) organization starts from. They show the helpers at work:
/// rows and lines of empty attributes vanish, phones are click-to-call, images come from the
/// organization's assets (<c>logo.png</c>, <c>social-*.png</c>). Inline styles and tables only,
/// because that is what Outlook, Gmail and Apple Mail all render the same way.
/// </summary>
public static class DefaultTemplates
{
    /// <summary>The full signature for new messages: photo, name, title, phones, social icons, booking link and logo.</summary>
    public static readonly SignatureTemplate Corporate = new(
        "corporate",
        Html: """
        <table cellpadding="0" cellspacing="0" border="0" role="presentation" style="font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.4;color:#333333;">
          <tr>
            {% if photoUrl != blank %}<td style="padding-right:14px;vertical-align:top;"><img src="{{ photoUrl | safe_url }}" alt="{{ displayName }}" width="72" height="72" style="display:block;border:0;width:72px;height:72px;border-radius:36px;"></td>{% endif %}
            <td style="vertical-align:top;border-left:2px solid #1f4e79;padding-left:14px;">
              <div style="font-size:15px;font-weight:bold;color:#1f4e79;">{{ displayName }}</div>
              <div data-envoi-optional>{{ jobTitle | join_present: " | ", department }}</div>
              <div data-envoi-optional style="font-weight:bold;">{{ company | default: subsidiary }}</div>
              <table cellpadding="0" cellspacing="0" border="0" role="presentation" style="margin-top:6px;font-size:13px;color:#333333;">
                <tr data-envoi-optional="phone"><td style="padding-right:8px;color:#777777;">T</td><td>{{ phone | tel_link: style: "color:#333333;text-decoration:none;" }}</td></tr>
                <tr data-envoi-optional="mobile"><td style="padding-right:8px;color:#777777;">M</td><td>{{ mobile | tel_link: style: "color:#333333;text-decoration:none;" }}</td></tr>
                <tr><td style="padding-right:8px;color:#777777;">E</td><td>{{ email | mailto_link: style: "color:#333333;text-decoration:none;" }}</td></tr>
                <tr data-envoi-optional="officeAddress"><td style="padding-right:8px;color:#777777;vertical-align:top;">A</td><td>{{ officeAddress }}</td></tr>
              </table>
              <div data-envoi-optional style="margin-top:8px;">{{ social_icons }}</div>
              <div data-envoi-optional style="margin-top:6px;">{{ "" | booking_link: style: "color:#1f4e79;font-weight:bold;" }}</div>
              <div style="margin-top:10px;"><img src="{{ 'logo.png' | asset_url }}" alt="{{ company }}" height="32" style="display:block;border:0;height:32px;"></div>
            </td>
          </tr>
        </table>
        """,
        Text: """
        {{ displayName }}
        {{ jobTitle | join_present: " | ", department }}
        {{ company | default: subsidiary }}
        {{ phone | tel_link | labelled: "T " }}
        {{ mobile | tel_link | labelled: "M " }}
        E {{ email }}
        {{ officeAddress }}
        {{ social_icons }}
        {{ booking_link }}
        """,
        ImageMode.Hosted,
        "Full signature for new messages: photo, title, phones, social icons, booking link and logo.");

    /// <summary>One line for replies and forwards, where the full signature is already in the thread.</summary>
    public static readonly SignatureTemplate Reply = new(
        "reply",
        Html: """
        <div style="font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#333333;"><strong>{{ displayName }}</strong>{{ jobTitle | labelled: " | " }}{{ company | labelled: " | " }}{{ phone | tel_link: style: "color:#333333;text-decoration:none;" | labelled: " | " }}</div>
        """,
        Text: """
        {{ displayName | join_present: " | ", jobTitle, company }}{{ phone | phone_format | labelled: " | " }}
        """,
        ImageMode.Hosted,
        "A single line for replies and forwards.");

    /// <summary>Text first: the same lines in HTML and plain text, no images, for those who prefer it sober.</summary>
    public static readonly SignatureTemplate Plain = new(
        "plain",
        Html: """
        {% capture mobile_link %}{{ mobile | tel_link: style: "color:#333333;" }}{% endcapture %}
        <div style="font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.4;color:#333333;">
          <div>-- </div>
          <div>{{ displayName }}</div>
          <div data-envoi-optional>{{ jobTitle | join_present: ", ", company }}</div>
          <div data-envoi-optional>{{ phone | tel_link: style: "color:#333333;" | join_present: " · ", mobile_link }}</div>
          <div><a href="mailto:{{ email }}" style="color:#333333;">{{ email }}</a></div>
        </div>
        """,
        Text: """
        {% capture mobile_text %}{{ mobile | phone_format }}{% endcapture %}
        --
        {{ displayName }}
        {{ jobTitle | join_present: ", ", company }}
        {{ phone | phone_format | join_present: " · ", mobile_text }}
        {{ email }}
        """,
        ImageMode.Hosted,
        "Sober, text first: name, title, phones and email, no images.");

    public static readonly IReadOnlyList<SignatureTemplate> All = [Corporate, Reply, Plain];
}
