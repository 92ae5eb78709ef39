<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: hipaa-break-glass.ftl -->
    <#if section = "header">
        ${msg("hipaaBreakGlassTitle")}
    <#elseif section = "form">
        <p id="hipaa-break-glass-notice" class="hipaa-break-glass__notice">${msg("hipaaBreakGlassNotice", elevationMinutes?c)}</p>
        <form id="hipaa-break-glass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <label for="reasonCode" class="pf-v5-c-form__label">${msg("hipaaBreakGlassReasonCode")}</label>
                <select id="reasonCode" name="reasonCode" class="pf-v5-c-form-control" required>
                    <option value="">${msg("hipaaBreakGlassReasonCodeChoose")}</option>
                    <#list reasonCodes as code>
                        <option value="${code}" <#if code == selectedReasonCode>selected</#if>><#if msg("hipaaReasonCode." + code) == "hipaaReasonCode." + code>${code}<#else>${msg("hipaaReasonCode." + code)}</#if></option>
                    </#list>
                </select>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="reason" class="pf-v5-c-form__label">${msg("hipaaBreakGlassReason")}</label>
                <textarea id="reason" name="reason" class="pf-v5-c-form-control" rows="4" maxlength="2000" required>${reason}</textarea>
            </div>
            <#if appContext?has_content>
                <p id="hipaa-break-glass-context">${msg("hipaaBreakGlassContext")} <code>${appContext}</code></p>
            </#if>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="login" label="hipaaBreakGlassSubmit"/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
