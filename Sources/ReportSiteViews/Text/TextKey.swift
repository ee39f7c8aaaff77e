// Written by scripts/interface-text-keys.py from Content/i18n/en.yml: run it again after adding a key.

/// A piece of the interface's text, by its key in the translation files (`Content/i18n/<language>.yml`).
///
/// Templates name text only through these cases, so a key that does not exist does not compile.
public enum TextKey: String, CaseIterable, Sendable {
    case languageCode = "language.code"
    case languageHtmlLang = "language.html_lang"
    case languageName = "language.name"
    case layoutSkipLink = "layout.skip_link"
    case layoutSiteNavigationLabel = "layout.site_navigation_label"
    case layoutFooterNavigationLabel = "layout.footer_navigation_label"
    case layoutBreadcrumbLabel = "layout.breadcrumb_label"
    case layoutBreadcrumbHome = "layout.breadcrumb_home"
    case layoutPageTitle = "layout.page_title"
    case layoutFeedLinkTitle = "layout.feed_link_title"
    case layoutFooterLegend = "layout.footer_legend"
    case commonNotPublished = "common.not_published"
    case commonDash = "common.dash"
    case commonNotPublishedLegend = "common.not_published_legend"
    case commonDraftBanner = "common.draft_banner"
    case commonDraftTag = "common.draft_tag"
    case commonDraftsBeside = "common.drafts_beside"
    case commonInternalNotesLabel = "common.internal_notes_label"
    case commonInternalNotesHeading = "common.internal_notes_heading"
    case commonSourcesHeading = "common.sources_heading"
    case commonSourceNote = "common.source_note"
    case commonHowScoresWorkLink = "common.how_scores_work_link"
    case commonFormerPdu = "common.former_pdu"
    case commonRegionName = "common.region_name"
    case commonPduName = "common.pdu_name"
    case commonScoreAndRating = "common.score_and_rating"
    case commonLastReviewed = "common.last_reviewed"
    case commonTextInDefaultLanguage = "common.text_in_default_language"
    case ratingsNotPublished = "ratings.not_published"
    case ratingsOverallNotPublished = "ratings.overall_not_published"
    case ratingsChangeImproved = "ratings.change.improved"
    case ratingsChangeDeclined = "ratings.change.declined"
    case ratingsChangeUnchanged = "ratings.change.unchanged"
    case tablePdu = "table.pdu"
    case tableRegion = "table.region"
    case tablePublished = "table.published"
    case tableScore = "table.score"
    case tableOverall = "table.overall"
    case tableOverallRating = "table.overall_rating"
    case tableReport = "table.report"
    case tableProgramme = "table.programme"
    case tableStandard = "table.standard"
    case tableRating = "table.rating"
    case tableInspection = "table.inspection"
    case tableInspections = "table.inspections"
    case tableLatestInspection = "table.latest_inspection"
    case tablePoints = "table.points"
    case tableTheWholeRegion = "table.the_whole_region"
    case datesMonths = "dates.months"
    case datesDayMonthYear = "dates.day_month_year"
    case datesMonthYear = "dates.month_year"
    case datesFieldwork = "dates.fieldwork"
    case numbersPercentage = "numbers.percentage"
    case numbersScoreOutOf = "numbers.score_out_of"
    case numbersMedianOf = "numbers.median_of"
    case homeLead = "home.lead"
    case homeLocalSearchLabel = "home.local_search_label"
    case homeLocalSearchHint = "home.local_search_hint"
    case homeLocalSearchButton = "home.local_search_button"
    case homeRegionsHeading = "home.regions_heading"
    case homeRegionItemPdus = "home.region_item.pdus"
    case homeRegionItemInspections = "home.region_item.inspections"
    case homeSummaryHeading = "home.summary_heading"
    case homeSummaryText = "home.summary_text"
    case homeOverallNotPublishedCount = "home.overall_not_published_count"
    case homeChartsHeading = "home.charts_heading"
    case homeRegionalHeading = "home.regional_heading"
    case homeDataHeading = "home.data_heading"
    case homeDataText = "home.data_text"
    case homeDataAnd = "home.data_and"
    case homeFeedText = "home.feed_text"
    case homeFeedLink = "home.feed_link"
    case homeProgrammeTableCaption = "home.programme_table_caption"
    case homeRegionalTableCaption = "home.regional_table_caption"
    case homeRatingsChartCaption = "home.ratings_chart_caption"
    case homeScoresChartCaption = "home.scores_chart_caption"
    case regionsListTitle = "regions_list.title"
    case regionsListHeading = "regions_list.heading"
    case regionsListBreadcrumb = "regions_list.breadcrumb"
    case regionsListIntro = "regions_list.intro"
    case pdusListTitle = "pdus_list.title"
    case pdusListHeading = "pdus_list.heading"
    case pdusListBreadcrumb = "pdus_list.breadcrumb"
    case pdusListLatest = "pdus_list.latest"
    case regionPageHeading = "region_page.heading"
    case regionPagePdusHeading = "region_page.pdus_heading"
    case regionPagePdusCaption = "region_page.pdus_caption"
    case regionPageNotInspected = "region_page.not_inspected"
    case regionPageRatingsPerStandardHeading = "region_page.ratings_per_standard_heading"
    case regionPageScoresHeading = "region_page.scores_heading"
    case regionPageRegionalHeading = "region_page.regional_heading"
    case regionPageNoRegionalInspection = "region_page.no_regional_inspection"
    case regionPageProgrammeTableCaption = "region_page.programme_table_caption"
    case regionPageRatingsChartCaption = "region_page.ratings_chart_caption"
    case regionPageScoresChartCaption = "region_page.scores_chart_caption"
    case pduPageHeading = "pdu_page.heading"
    case pduPageIntro = "pdu_page.intro"
    case pduPageNoLongerAPdu = "pdu_page.no_longer_a_pdu"
    case pduPageAlsoCalled = "pdu_page.also_called"
    case pduPageHistoryHeading = "pdu_page.history_heading"
    case pduPageNoInspection = "pdu_page.no_inspection"
    case pduPageHistoryCaption = "pdu_page.history_caption"
    case pduPageComparisonHeading = "pdu_page.comparison_heading"
    case pduPageComparisonCaption = "pdu_page.comparison_caption"
    case pduPageNotInThatProgramme = "pdu_page.not_in_that_programme"
    case placesHeading = "places.heading"
    case placesCouncils = "places.councils"
    case placesLocalDeliveryUnits = "places.local_delivery_units"
    case placesGroup = "places.group"
    case inspectionPagePduInspection = "inspection_page.pdu_inspection"
    case inspectionPageRegionalInspection = "inspection_page.regional_inspection"
    case inspectionPageMetaPublished = "inspection_page.meta.published"
    case inspectionPageMetaFieldworkStarted = "inspection_page.meta.fieldwork_started"
    case inspectionPageMetaProgramme = "inspection_page.meta.programme"
    case inspectionPageMetaLeadInspector = "inspection_page.meta.lead_inspector"
    case inspectionPagePrintLink = "inspection_page.print_link"
    case inspectionPagePrintLinkNote = "inspection_page.print_link_note"
    case inspectionPagePdfLink = "inspection_page.pdf_link"
    case inspectionPagePdfSize = "inspection_page.pdf_size"
    case inspectionPageContentsHeading = "inspection_page.contents_heading"
    case inspectionPageContentsRatings = "inspection_page.contents.ratings"
    case inspectionPageContentsKeyQuestions = "inspection_page.contents.key_questions"
    case inspectionPageContentsRecommendations = "inspection_page.contents.recommendations"
    case inspectionPageContentsSources = "inspection_page.contents.sources"
    case inspectionPageReportTextLabel = "inspection_page.report_text_label"
    case inspectionPageHistoryHeading = "inspection_page.history_heading"
    case inspectionPageMoreHistory = "inspection_page.more_history"
    case inspectionPageMoreHistoryLink = "inspection_page.more_history_link"
    case inspectionPagePrevious = "inspection_page.previous"
    case inspectionPageNext = "inspection_page.next"
    case ratingsBoxHeading = "ratings_box.heading"
    case ratingsBoxScore = "ratings_box.score"
    case ratingsBoxOverallRating = "ratings_box.overall_rating"
    case ratingsBoxLastInspected = "ratings_box.last_inspected"
    case ratingsBoxLastInspectionColumn = "ratings_box.last_inspection_column"
    case ratingsBoxNotRatedThen = "ratings_box.not_rated_then"
    case ratingsBoxCaveatOtherProgramme = "ratings_box.caveat_other_programme"
    case ratingsBoxCaveatOutOf = "ratings_box.caveat_out_of"
    case ratingsBoxCaveatOtherMaximum = "ratings_box.caveat_other_maximum"
    case ratingsBoxAMaximumNotPublished = "ratings_box.a_maximum_not_published"
    case keyQuestionsHeading = "key_questions.heading"
    case keyQuestionsIntro = "key_questions.intro"
    case keyQuestionsMediansIntro = "key_questions.medians_intro"
    case keyQuestionsMethodologyLink = "key_questions.methodology_link"
    case keyQuestionsBandNote = "key_questions.band_note"
    case keyQuestionsKeyQuestion = "key_questions.key_question"
    case keyQuestionsPercentageYes = "key_questions.percentage_yes"
    case keyQuestionsNationalMedian = "key_questions.national_median"
    case keyQuestionsRegionalMedian = "key_questions.regional_median"
    case keyQuestionsBarColumn = "key_questions.bar_column"
    case keyQuestionsLowestTag = "key_questions.lowest_tag"
    case keyQuestionsTooFewNote = "key_questions.too_few_note"
    case keyQuestionsTooFewCell = "key_questions.too_few_cell"
    case recommendationsHeading = "recommendations.heading"
    case recommendationsToWhom = "recommendations.to_whom"
    case printOnline = "print.online"
    case printOnlineVersion = "print.online_version"
    case printPageOf = "print.page_of"
    case printDraftOnEveryPage = "print.draft_on_every_page"
    case programmeTableFiltersHeading = "programme_table.filters_heading"
    case programmeTableFilterAll = "programme_table.filter_all"
    case programmeTableFilterRegion = "programme_table.filter_region"
    case programmeTableFilterRating = "programme_table.filter_rating"
    case programmeTableFilterProgramme = "programme_table.filter_programme"
    case programmeTableShown = "programme_table.shown"
    case chartsTitleNote = "charts.title_note"
    case chartsNumbersCaption = "charts.numbers_caption"
    case chartsScoreAxis = "charts.score_axis"
    case chartsScoreColumn = "charts.score_column"
    case chartsInspectionsRow = "charts.inspections_row"
    case searchTitle = "search.title"
    case searchHeading = "search.heading"
    case searchLabel = "search.label"
    case searchButton = "search.button"
    case searchMoreButton = "search.more_button"
    case searchNoscript = "search.noscript"
    case searchNoscriptRegion = "search.noscript_region"
    case searchNoscriptPdu = "search.noscript_pdu"
    case searchNoscriptOverview = "search.noscript_overview"
    case searchResults = "search.results"
    case searchResultsBreakdown = "search.results_breakdown"
    case searchResultsPdus = "search.results_pdus"
    case searchResultsRegions = "search.results_regions"
    case searchResultsReports = "search.results_reports"
    case searchNamePdu = "search.name_pdu"
    case searchNameFormer = "search.name_former"
    case searchNameInspections = "search.name_inspections"
    case searchNameRegion = "search.name_region"
    case glossaryPageTitle = "glossary_page.title"
    case glossaryPageHeading = "glossary_page.heading"
    case glossaryPageIntro = "glossary_page.intro"
    case methodologyTitle = "methodology.title"
    case methodologyPointsCaption = "methodology.points_caption"
    case methodologyScoreBandsCaption = "methodology.score_bands_caption"
    case methodologyKeyQuestionBandsCaption = "methodology.key_question_bands_caption"
    case methodologyLowestPercentageYes = "methodology.lowest_percentage_yes"
    case methodologyBandUnder = "methodology.band_under"
    case methodologyBandRange = "methodology.band_range"
    case methodologyBandOrMore = "methodology.band_or_more"
    case methodologyUnbanded = "methodology.unbanded"
    case methodologyAPdu = "methodology.a_pdu"
    case methodologyARegion = "methodology.a_region"
    case methodologyStandardsNotPublished = "methodology.standards_not_published"
    case methodologyStandardsList = "methodology.standards_list"
    case methodologyOutOf = "methodology.out_of"
    case methodologyOutOfOr = "methodology.out_of_or"
    case methodologyOr = "methodology.or"
    case methodologyMaximumNotPublished = "methodology.maximum_not_published"
    case notFoundTitle = "not_found.title"
    case notFoundHeading = "not_found.heading"
    case notFoundText = "not_found.text"
    case notFoundLinkOverview = "not_found.link_overview"
    case notFoundLinkRegions = "not_found.link_regions"
    case notFoundLinkPdus = "not_found.link_pdus"

    /// What the key's value is in a translation file.
    public var shape: TextShape {
        switch self {
        case .commonDraftsBeside, .homeRegionItemPdus, .homeRegionItemInspections, .programmeTableShown, .searchResults, .searchResultsPdus, .searchResultsRegions, .searchResultsReports, .searchNameInspections: .plural
        case .datesMonths: .list
        default: .text
        }
    }

    /// The key's place in `allCases`: a page's labels are looked up in arrays by it, not by hashing
    /// the key's name.
    public var ordinal: Int {
        switch self {
        case .languageCode: 0
        case .languageHtmlLang: 1
        case .languageName: 2
        case .layoutSkipLink: 3
        case .layoutSiteNavigationLabel: 4
        case .layoutFooterNavigationLabel: 5
        case .layoutBreadcrumbLabel: 6
        case .layoutBreadcrumbHome: 7
        case .layoutPageTitle: 8
        case .layoutFeedLinkTitle: 9
        case .layoutFooterLegend: 10
        case .commonNotPublished: 11
        case .commonDash: 12
        case .commonNotPublishedLegend: 13
        case .commonDraftBanner: 14
        case .commonDraftTag: 15
        case .commonDraftsBeside: 16
        case .commonInternalNotesLabel: 17
        case .commonInternalNotesHeading: 18
        case .commonSourcesHeading: 19
        case .commonSourceNote: 20
        case .commonHowScoresWorkLink: 21
        case .commonFormerPdu: 22
        case .commonRegionName: 23
        case .commonPduName: 24
        case .commonScoreAndRating: 25
        case .commonLastReviewed: 26
        case .commonTextInDefaultLanguage: 27
        case .ratingsNotPublished: 28
        case .ratingsOverallNotPublished: 29
        case .ratingsChangeImproved: 30
        case .ratingsChangeDeclined: 31
        case .ratingsChangeUnchanged: 32
        case .tablePdu: 33
        case .tableRegion: 34
        case .tablePublished: 35
        case .tableScore: 36
        case .tableOverall: 37
        case .tableOverallRating: 38
        case .tableReport: 39
        case .tableProgramme: 40
        case .tableStandard: 41
        case .tableRating: 42
        case .tableInspection: 43
        case .tableInspections: 44
        case .tableLatestInspection: 45
        case .tablePoints: 46
        case .tableTheWholeRegion: 47
        case .datesMonths: 48
        case .datesDayMonthYear: 49
        case .datesMonthYear: 50
        case .datesFieldwork: 51
        case .numbersPercentage: 52
        case .numbersScoreOutOf: 53
        case .numbersMedianOf: 54
        case .homeLead: 55
        case .homeLocalSearchLabel: 56
        case .homeLocalSearchHint: 57
        case .homeLocalSearchButton: 58
        case .homeRegionsHeading: 59
        case .homeRegionItemPdus: 60
        case .homeRegionItemInspections: 61
        case .homeSummaryHeading: 62
        case .homeSummaryText: 63
        case .homeOverallNotPublishedCount: 64
        case .homeChartsHeading: 65
        case .homeRegionalHeading: 66
        case .homeDataHeading: 67
        case .homeDataText: 68
        case .homeDataAnd: 69
        case .homeFeedText: 70
        case .homeFeedLink: 71
        case .homeProgrammeTableCaption: 72
        case .homeRegionalTableCaption: 73
        case .homeRatingsChartCaption: 74
        case .homeScoresChartCaption: 75
        case .regionsListTitle: 76
        case .regionsListHeading: 77
        case .regionsListBreadcrumb: 78
        case .regionsListIntro: 79
        case .pdusListTitle: 80
        case .pdusListHeading: 81
        case .pdusListBreadcrumb: 82
        case .pdusListLatest: 83
        case .regionPageHeading: 84
        case .regionPagePdusHeading: 85
        case .regionPagePdusCaption: 86
        case .regionPageNotInspected: 87
        case .regionPageRatingsPerStandardHeading: 88
        case .regionPageScoresHeading: 89
        case .regionPageRegionalHeading: 90
        case .regionPageNoRegionalInspection: 91
        case .regionPageProgrammeTableCaption: 92
        case .regionPageRatingsChartCaption: 93
        case .regionPageScoresChartCaption: 94
        case .pduPageHeading: 95
        case .pduPageIntro: 96
        case .pduPageNoLongerAPdu: 97
        case .pduPageAlsoCalled: 98
        case .pduPageHistoryHeading: 99
        case .pduPageNoInspection: 100
        case .pduPageHistoryCaption: 101
        case .pduPageComparisonHeading: 102
        case .pduPageComparisonCaption: 103
        case .pduPageNotInThatProgramme: 104
        case .placesHeading: 105
        case .placesCouncils: 106
        case .placesLocalDeliveryUnits: 107
        case .placesGroup: 108
        case .inspectionPagePduInspection: 109
        case .inspectionPageRegionalInspection: 110
        case .inspectionPageMetaPublished: 111
        case .inspectionPageMetaFieldworkStarted: 112
        case .inspectionPageMetaProgramme: 113
        case .inspectionPageMetaLeadInspector: 114
        case .inspectionPagePrintLink: 115
        case .inspectionPagePrintLinkNote: 116
        case .inspectionPagePdfLink: 117
        case .inspectionPagePdfSize: 118
        case .inspectionPageContentsHeading: 119
        case .inspectionPageContentsRatings: 120
        case .inspectionPageContentsKeyQuestions: 121
        case .inspectionPageContentsRecommendations: 122
        case .inspectionPageContentsSources: 123
        case .inspectionPageReportTextLabel: 124
        case .inspectionPageHistoryHeading: 125
        case .inspectionPageMoreHistory: 126
        case .inspectionPageMoreHistoryLink: 127
        case .inspectionPagePrevious: 128
        case .inspectionPageNext: 129
        case .ratingsBoxHeading: 130
        case .ratingsBoxScore: 131
        case .ratingsBoxOverallRating: 132
        case .ratingsBoxLastInspected: 133
        case .ratingsBoxLastInspectionColumn: 134
        case .ratingsBoxNotRatedThen: 135
        case .ratingsBoxCaveatOtherProgramme: 136
        case .ratingsBoxCaveatOutOf: 137
        case .ratingsBoxCaveatOtherMaximum: 138
        case .ratingsBoxAMaximumNotPublished: 139
        case .keyQuestionsHeading: 140
        case .keyQuestionsIntro: 141
        case .keyQuestionsMediansIntro: 142
        case .keyQuestionsMethodologyLink: 143
        case .keyQuestionsBandNote: 144
        case .keyQuestionsKeyQuestion: 145
        case .keyQuestionsPercentageYes: 146
        case .keyQuestionsNationalMedian: 147
        case .keyQuestionsRegionalMedian: 148
        case .keyQuestionsBarColumn: 149
        case .keyQuestionsLowestTag: 150
        case .keyQuestionsTooFewNote: 151
        case .keyQuestionsTooFewCell: 152
        case .recommendationsHeading: 153
        case .recommendationsToWhom: 154
        case .printOnline: 155
        case .printOnlineVersion: 156
        case .printPageOf: 157
        case .printDraftOnEveryPage: 158
        case .programmeTableFiltersHeading: 159
        case .programmeTableFilterAll: 160
        case .programmeTableFilterRegion: 161
        case .programmeTableFilterRating: 162
        case .programmeTableFilterProgramme: 163
        case .programmeTableShown: 164
        case .chartsTitleNote: 165
        case .chartsNumbersCaption: 166
        case .chartsScoreAxis: 167
        case .chartsScoreColumn: 168
        case .chartsInspectionsRow: 169
        case .searchTitle: 170
        case .searchHeading: 171
        case .searchLabel: 172
        case .searchButton: 173
        case .searchMoreButton: 174
        case .searchNoscript: 175
        case .searchNoscriptRegion: 176
        case .searchNoscriptPdu: 177
        case .searchNoscriptOverview: 178
        case .searchResults: 179
        case .searchResultsBreakdown: 180
        case .searchResultsPdus: 181
        case .searchResultsRegions: 182
        case .searchResultsReports: 183
        case .searchNamePdu: 184
        case .searchNameFormer: 185
        case .searchNameInspections: 186
        case .searchNameRegion: 187
        case .glossaryPageTitle: 188
        case .glossaryPageHeading: 189
        case .glossaryPageIntro: 190
        case .methodologyTitle: 191
        case .methodologyPointsCaption: 192
        case .methodologyScoreBandsCaption: 193
        case .methodologyKeyQuestionBandsCaption: 194
        case .methodologyLowestPercentageYes: 195
        case .methodologyBandUnder: 196
        case .methodologyBandRange: 197
        case .methodologyBandOrMore: 198
        case .methodologyUnbanded: 199
        case .methodologyAPdu: 200
        case .methodologyARegion: 201
        case .methodologyStandardsNotPublished: 202
        case .methodologyStandardsList: 203
        case .methodologyOutOf: 204
        case .methodologyOutOfOr: 205
        case .methodologyOr: 206
        case .methodologyMaximumNotPublished: 207
        case .notFoundTitle: 208
        case .notFoundHeading: 209
        case .notFoundText: 210
        case .notFoundLinkOverview: 211
        case .notFoundLinkRegions: 212
        case .notFoundLinkPdus: 213
        }
    }
}
