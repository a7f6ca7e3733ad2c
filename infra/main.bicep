// SLT-boten in one resource group: Azure Bot (single tenant, Teams channel), Linux App Service
// running Node 20, and a Storage account whose tables hold all of the bot's state.
// Deploy: see infra/README.md. The Entra app registration (MicrosoftAppId + secret) is made
// beforehand with `az ad app create`; Bicep does not create Entra applications.

targetScope = 'resourceGroup'

@description('Azure region for the web app and the storage account. Norway East keeps the data in Norway.')
param location string = 'norwayeast'

@description('Prefix for resource names.')
@minLength(3)
@maxLength(20)
param appName string = 'slt-boten'

@description('Globally unique web app name; its host name becomes BOT_DOMAIN for the app package.')
param webAppName string = '${appName}-${uniqueString(resourceGroup().id)}'

@description('Globally unique Azure Bot handle.')
param botName string = '${appName}-${uniqueString(resourceGroup().id)}'

@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'SLT-boten'

@description('Storage account name: 3–24 lower-case letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param storageAccountName string = take('slt${uniqueString(resourceGroup().id)}', 24)

@description('Application (client) id of the Entra app registration the bot signs in with.')
param microsoftAppId string

@description('Client secret of that Entra app. Pass it on the command line, never in a parameters file.')
@secure()
param microsoftAppPassword string

@description('Tenant of the Entra app registration (single-tenant bot).')
param microsoftAppTenantId string = tenant().tenantId

@description('SLT_TENANT_IDS: comma-separated tenant ids whose users may talk to the bot.')
param sltTenantIds string = microsoftAppTenantId

@description('SLT_ADMINS: comma-separated Entra object ids of the first administrators.')
param sltAdmins string = ''

@description('SLT_LOCALE_DEFAULT: nb or en.')
@allowed([
  'nb'
  'en'
])
param sltLocaleDefault string = 'nb'

@description('SLT_CALENDAR: ics (a calendar file on each meeting card) or graph (Outlook invitations with a Teams link through Microsoft Graph; infra/README.md step 5 first).')
@allowed([
  'ics'
  'graph'
])
param sltCalendar string = 'ics'

@description('SLT_GRAPH_TENANT_ID: tenant whose mailboxes get the invitations. Empty: the bot\'s own (microsoftAppTenantId).')
param graphTenantId string = ''

@description('SLT_GRAPH_CLIENT_ID: app registration holding Calendars.ReadWrite. Empty: the bot\'s own (microsoftAppId).')
param graphClientId string = ''

@description('SLT_GRAPH_CLIENT_SECRET: that app\'s client secret. Empty: the bot\'s own. Pass it on the command line, never in a parameters file.')
@secure()
param graphClientSecret string = ''

@description('SLT_TABLE_PREFIX: prefix of every table name, letters and digits starting with a letter (the app default is slt).')
@minLength(1)
@maxLength(21)
param tablePrefix string = 'slt'

// Every table of TABLE_NAMES in src/storage/tables.ts, without the prefix (tests/unit/infra.test.ts
// fails when the two lists differ). The app also creates missing tables at start; listing them
// here makes them part of the deployment.
var tableNames = [
  'bodies'
  'conversations'
  'roles'
  'meetings'
  'jobs'
  'claims'
  'outbox'
  'trends'
  'escalations'
  'audit'
  'digests'
  'idempotency'
  'settings'
  'members'
  'files'
  'agendas'
  'policestats'
  'measures'
]

@description('App Service plan SKU. The scheduler needs Always On, which the Free tier lacks.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('App Service runtime. Node 20 is what the project targets; move to NODE|22-lts when the project does.')
param linuxFxVersion string = 'NODE|20-lts'

@description('Azure Bot SKU. Teams is a standard channel: F0 carries unlimited Teams messages.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app connects with the account key (STORAGE_CONNECTION_STRING).
    allowSharedKeyAccess: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: '${tablePrefix}${table}'
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true // Linux
  }
}

// The web app's address under App Service's default host name, set as SLT_PUBLIC_URL (required in
// production). Its host is in the tab's SSO audience api://<host>/<app id> and is the app package's BOT_DOMAIN.
var webAppHost = '${webAppName}.azurewebsites.net'
var sltPublicUrl = 'https://${webAppHost}'

var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // Production start: the compiled bot only (`npm start` would also start Azurite and the Playground).
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true // scheduled posts must run without incoming traffic
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppId'
          value: microsoftAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: microsoftAppPassword
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: microsoftAppTenantId
        }
        {
          name: 'STORAGE_CONNECTION_STRING'
          value: storageConnectionString
        }
        {
          name: 'SLT_PUBLIC_URL'
          value: sltPublicUrl
        }
        {
          name: 'SLT_TABLE_PREFIX'
          value: tablePrefix
        }
        {
          name: 'SLT_TENANT_IDS'
          value: sltTenantIds
        }
        {
          name: 'SLT_ADMINS'
          value: sltAdmins
        }
        {
          name: 'SLT_LOCALE_DEFAULT'
          value: sltLocaleDefault
        }
        {
          name: 'SLT_PLAYGROUND'
          value: 'off'
        }
        {
          // Outlook invitations (docs/calendar.md). Empty Graph settings count as unset: the bot's own registration is used.
          name: 'SLT_CALENDAR'
          value: sltCalendar
        }
        {
          name: 'SLT_GRAPH_TENANT_ID'
          value: graphTenantId
        }
        {
          name: 'SLT_GRAPH_CLIENT_ID'
          value: graphClientId
        }
        {
          name: 'SLT_GRAPH_CLIENT_SECRET'
          value: graphClientSecret
        }
        {
          name: 'WEBSITE_NODE_DEFAULT_VERSION'
          value: '~20'
        }
        {
          // Zip deploys of the source are built on the server: npm install, then npm run build.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('BOT_DOMAIN for `npm run package` (the host of SLT_PUBLIC_URL).')
output botDomain string = webAppHost

@description('SLT_PUBLIC_URL as set on the web app.')
output publicUrl string = sltPublicUrl

@description('Messaging endpoint registered on the Azure Bot.')
output messagingEndpoint string = bot.properties.endpoint

output webAppName string = web.name
output storageAccountName string = storage.name
