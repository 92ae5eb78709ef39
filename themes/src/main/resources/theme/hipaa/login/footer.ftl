<#macro content>
<#-- Warning banner shown on every sign-in page: users are told, before they authenticate, that use is monitored. -->
<section id="hipaa-use-notice" class="hipaa-use-notice" role="note" aria-labelledby="hipaa-use-notice-title">
  <h2 id="hipaa-use-notice-title" class="hipaa-use-notice__title">${msg("hipaaUseNoticeTitle")}</h2>
  <p class="hipaa-use-notice__text">${msg("hipaaUseNoticeText")}</p>
</section>
</#macro>
