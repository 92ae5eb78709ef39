<#import "template.ftl" as layout>
<#-- Buttons take the active theme's classes directly (buttons.ftl exists only in keycloak.v2 and themes built on it); pf-v5-u-flex-nowrap is inert elsewhere. -->
<@layout.registrationLayout displayMessage=true; section>
<!-- template: hipaa-break-glass.ftl -->
    <#if section = "header">
        ${msg("hipaaBreakGlassTitle")}
    <#elseif section = "form">
        <p id="hipaa-break-glass-notice" class="hipaa-break-glass__notice">${msg("hipaaBreakGlassNotice", elevationMinutes?c)}</p>
        <form id="hipaa-break-glass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <label for="reasonCode" class="${properties.kcLabelClass!}">${msg("hipaaBreakGlassReasonCode")}</label>
                <select id="reasonCode" name="reasonCode" class="${properties.kcInputClass!}" required>
                    <option value="">${msg("hipaaBreakGlassReasonCodeChoose")}</option>
                    <#list reasonCodes as code>
                        <option value="${code}" <#if code == selectedReasonCode>selected</#if>><#if msg("hipaaReasonCode." + code) == "hipaaReasonCode." + code>${code}<#else>${msg("hipaaReasonCode." + code)}</#if></option>
                    </#list>
                </select>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="reason" class="${properties.kcLabelClass!}">${msg("hipaaBreakGlassReason")}</label>
                <textarea id="reason" name="reason" class="${properties.kcInputClass!}" rows="4" maxlength="2000" required>${reason}</textarea>
            </div>
            <#if appContext?has_content>
                <p id="hipaa-break-glass-context">${msg("hipaaBreakGlassContext")} <code>${appContext}</code></p>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")} pf-v5-u-flex-nowrap">
                    <button id="kc-submit" name="login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("hipaaBreakGlassSubmit")}</button>
                    <#if isAppInitiatedAction??>
                        <button id="kc-cancel" name="cancel-aia" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                    </#if>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
