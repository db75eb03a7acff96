"""Payments: sellers' prices, producers' bank accounts, VietQR codes, and matching bank
notifications to orders. Imports nothing from bot/ or nlu/.

Import from the modules: ``prices.SellerPrices``, ``accounts.BankAccounts``,
``service.PaymentService``, ``reconcile.Reconciler``, ``providers.parse_sepay`` /
``parse_casso``, ``reminders.remind_unpaid``, ``vietqr.build_payload`` / ``qr_png``. (The
package itself imports nothing, so catalog.orders can use the price table without a cycle.)
"""
