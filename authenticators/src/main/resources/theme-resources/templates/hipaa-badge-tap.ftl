<#import "template.ftl" as layout>
<#-- Buttons take the active theme's classes directly: buttons.ftl exists only in keycloak.v2 and themes built on it. -->
<#-- Badge tap: a keyboard-wedge reader types into the focused field and presses Enter; a person can type too. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("hipaaBadgeTapTitle")}
    <#elseif section="form">
        <#if hipaaEmergency?? && hipaaEmergency>
            <p id="hipaa-emergency" class="hipaa-emergency" role="status">${msg("hipaaEmergencyActive")}</p>
        </#if>
        <#if hipaaWorkstationLocation?? && hipaaWorkstationLocation?has_content>
            <p id="hipaa-workstation" class="hipaa-hint">${msg("hipaaWorkstationAt", hipaaWorkstationLocation)}</p>
        </#if>
        <form id="hipaa-badge-tap-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="badge" class="hipaa-label">${msg("hipaaBadgeLabel")}</label>
                <p id="badge-help" class="hipaa-hint">${msg("hipaaBadgeHelp")}</p>
                <span class="${properties.kcInputClass!}">
                    <input id="badge" name="badge" type="password" autocomplete="off" autofocus required
                           aria-describedby="badge-help" aria-invalid="<#if message?? && message.type = 'error'>true<#else>false</#if>"/>
                </span>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-tap-submit" name="tap" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("hipaaBadgeSubmit")}</button>
                </div>
            </div>
        </form>
        <form id="hipaa-use-password-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-use-password" name="use-password" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")} ${properties.kcButtonBlockClass!}">${msg("hipaaUsePassword")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
