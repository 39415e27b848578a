// GOV.UK Frontend's components (the service navigation's menu button, the skip link, error summaries), started once.
import { initAll } from '/govuk/govuk-frontend.min.js'
initAll()
