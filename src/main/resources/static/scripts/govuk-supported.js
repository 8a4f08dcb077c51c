// Runs at the top of <body>, before it renders, so GOV.UK Frontend's styles for scripted components apply at once.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
