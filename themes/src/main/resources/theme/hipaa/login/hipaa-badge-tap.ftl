<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
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
            <@buttons.actionGroup>
                <@buttons.button id="hipaa-tap-submit" name="tap" label="hipaaBadgeSubmit" />
            </@buttons.actionGroup>
        </form>
        <form id="hipaa-use-password-form" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="hipaa-use-password" name="use-password" label="hipaaUsePassword" type="secondary" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
