<#import "template.ftl" as layout>
<#-- Fingerprint after a badge tap: the tapped user's enrolled keys only, user verification required; the PIN one button away. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("hipaaFingerprintTitle")}
    <#elseif section="form">
        <#if hipaaFingerprintOffered!false>
            <p id="hipaa-fingerprint-prompt" class="hipaa-hint">${msg("hipaaFingerprintPrompt")}</p>
            <form id="hipaa-fingerprint-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  data-challenge="${hipaaChallenge}" data-rp-id="${hipaaRpId}" data-timeout="${hipaaTimeoutMillis?c}"
                  data-credentials="${hipaaCredentialIds?join(" ")}" data-start="<#if message?? && message.type = 'error'>button<#else>now</#if>">
                <input type="hidden" name="clientDataJSON"/>
                <input type="hidden" name="authenticatorData"/>
                <input type="hidden" name="signature"/>
                <input type="hidden" name="credentialId"/>
                <input type="hidden" name="userHandle"/>
                <input type="hidden" name="error"/>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                        <button id="hipaa-fingerprint-start" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("hipaaFingerprintStart")}</button>
                    </div>
                </div>
            </form>
            <script type="module" src="${url.resourcesPath}/js/hipaa-fingerprint.js"></script>
        </#if>
        <form id="hipaa-use-pin-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-use-pin" name="use-pin" type="submit" class="${properties.kcButtonClass!} <#if hipaaFingerprintOffered!false>${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")}<#else>${properties.kcButtonPrimaryClass!}</#if> ${properties.kcButtonBlockClass!}">${msg("hipaaFingerprintUsePin")}</button>
                </div>
            </div>
        </form>
        <form id="hipaa-other-badge-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-other-badge" name="other-badge" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")} ${properties.kcButtonBlockClass!}">${msg("hipaaOtherBadge")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
