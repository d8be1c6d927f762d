// Proves page scripts still run next to the extension (the test reads this text).
document.getElementById('page-script-status').textContent = 'page script ran';
